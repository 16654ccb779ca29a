# Golden values for the ETS tests, from R forecast's ets() (forecast 8.20, R 4.2, Debian).
# Run from the repository root:
#   Rscript Tests/AttainForecastTests/Fixtures/ets/make_ets_fixtures.R
# Writes Tests/AttainForecastTests/Fixtures/ets/{ets_fixed.json,ets_select.json,ets_admissible.json}.
suppressMessages(library(forecast))
library(jsonlite)
out_dir <- "Tests/AttainForecastTests/Fixtures/ets"
train <- read.csv("datasets/m3/m3-train.csv")
series_of <- function(id) train$y[train$unique_id == id]

# 1. Every form fitted by R on two monthly M3 series; the Swift tests re-run the recursions
#    from R's parameters and initial states and compare likelihood, criteria, sigma2,
#    fitted values, residuals, means and 80/95 intervals (h = 18).
forms <- list(c("ANN", FALSE), c("AAN", FALSE), c("AAN", TRUE), c("ANA", FALSE), c("AAA", FALSE),
              c("AAA", TRUE), c("MNN", FALSE), c("MAN", FALSE), c("MAN", TRUE), c("MNA", FALSE),
              c("MAA", FALSE), c("MAA", TRUE), c("MNM", FALSE), c("MAM", FALSE), c("MAM", TRUE))
fixed <- list()
for (id in c("N1402", "N1500")) {
  y <- ts(series_of(id), frequency = 12)
  for (f in forms) {
    damped <- as.logical(f[2])
    fit <- ets(y, model = f[1], damped = damped)
    fc <- forecast(fit, h = 18, level = c(80, 95))
    code <- paste0(substr(f[1], 1, 2), ifelse(damped, "d", ""), substr(f[1], 3, 3))
    par <- fit$par
    fixed[[length(fixed) + 1]] <- list(
      id = id, form = code, m = 12, y = as.numeric(y),
      alpha = unname(par["alpha"]),
      beta = if ("beta" %in% names(par)) unname(par["beta"]) else 0,
      gamma = if ("gamma" %in% names(par)) unname(par["gamma"]) else 0,
      phi = if ("phi" %in% names(par)) unname(par["phi"]) else 1,
      initial_state = I(as.numeric(fit$states[1, ])),
      final_state = I(as.numeric(fit$states[nrow(fit$states), ])),
      n_estimated = length(fit$par) - 0,
      loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic, sigma2 = fit$sigma2,
      fitted = as.numeric(fitted(fit)), residuals = as.numeric(residuals(fit)),
      mean = as.numeric(fc$mean),
      lo80 = as.numeric(fc$lower[, 1]), hi80 = as.numeric(fc$upper[, 1]),
      lo95 = as.numeric(fc$lower[, 2]), hi95 = as.numeric(fc$upper[, 2]))
  }
}
write(toJSON(fixed, digits = NA, auto_unbox = TRUE), file.path(out_dir, "ets_fixed.json"))

# 2. Automatic selection (ets(y), model "ZZZ") on monthly, quarterly and yearly M3 series:
#    the chosen form and the AICc of every candidate form R fitted.
meta <- read.csv("datasets/m3/m3-meta.csv")
pick <- c(meta$unique_id[meta$frequency == "monthly"][c(1, 25, 50, 100, 200, 300, 400, 500)],
          meta$unique_id[meta$frequency == "quarterly"][c(1, 50, 100)],
          meta$unique_id[meta$frequency == "yearly"][c(1, 50, 100)])
freq_of <- function(id) switch(meta$frequency[meta$unique_id == id], monthly = 12, quarterly = 4, yearly = 1, 1)
select <- list()
cand <- list(c("ANN", FALSE), c("AAN", TRUE), c("AAN", FALSE), c("ANA", FALSE), c("AAA", TRUE),
             c("AAA", FALSE), c("MNN", FALSE), c("MAN", TRUE), c("MAN", FALSE), c("MNA", FALSE),
             c("MAA", TRUE), c("MAA", FALSE), c("MNM", FALSE), c("MAM", TRUE), c("MAM", FALSE))
for (id in pick) {
  m <- freq_of(id)
  y <- ts(series_of(id), frequency = m)
  fit <- ets(y)
  comps <- fit$components
  chosen <- paste0(comps[1], comps[2], ifelse(as.logical(comps[4]), "d", ""), comps[3])
  aiccs <- list()
  for (f in cand) {
    if (m == 1 && substr(f[1], 3, 3) != "N") next
    r <- try(ets(y, model = f[1], damped = as.logical(f[2])), silent = TRUE)
    code <- paste0(substr(f[1], 1, 2), ifelse(as.logical(f[2]), "d", ""), substr(f[1], 3, 3))
    aiccs[[code]] <- if (inherits(r, "try-error")) NA else r$aicc
  }
  select[[length(select) + 1]] <- list(id = id, m = m, y = as.numeric(y), chosen = chosen,
                                       aicc = fit$aicc, candidates = aiccs)
}
write(toJSON(select, digits = NA, auto_unbox = TRUE, na = "null"), file.path(out_dir, "ets_select.json"))

# 3. Admissible region for random parameters of seasonal damped models (m = 4 and 12).
set.seed(42)
adm <- list()
for (i in 1:400) {
  m <- if (i %% 2 == 0) 4 else 12
  alpha <- runif(1, -0.5, 1.5); beta <- runif(1, -0.5, 1); gamma <- runif(1, -0.5, 1.5); phi <- runif(1, 0.5, 1)
  adm[[i]] <- list(alpha = alpha, beta = beta, gamma = gamma, phi = phi, m = m,
                   admissible = as.logical(forecast:::admissible(alpha, beta, gamma, phi, m)))
}
write(toJSON(adm, digits = NA, auto_unbox = TRUE), file.path(out_dir, "ets_admissible.json"))
cat("fixtures written\n")
