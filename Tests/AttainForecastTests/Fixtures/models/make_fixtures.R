# Reference values for the forecasting models, from R's forecast package (Debian r-cran-forecast).
# Run from the repository root:
#   Rscript Tests/AttainForecastTests/Fixtures/models/make_fixtures.R
# Writes series.csv (case,t,y) and reference.csv (case,method,quantity,step,value) next to this file.
suppressMessages(library(forecast))
out_dir <- "Tests/AttainForecastTests/Fixtures/models"
train <- read.csv("datasets/m3/m3-train.csv")
pick <- function(id) train$y[train$unique_id == id]
cases <- list(
  list(name = "airpassengers", y = as.numeric(AirPassengers), m = 12),
  list(name = "N0001", y = pick("N0001"), m = 1),
  list(name = "N0700", y = pick("N0700"), m = 4),
  list(name = "N1500", y = pick("N1500"), m = 12),
  list(name = "N2900", y = pick("N2900"), m = 1)
)
series <- do.call(rbind, lapply(cases, function(c) data.frame(case = c$name, t = seq_along(c$y), y = c$y)))
write.csv(series, file.path(out_dir, "series.csv"), row.names = FALSE, quote = FALSE)

rows <- list()
add <- function(case, method, quantity, values) {
  rows[[length(rows) + 1]] <<- data.frame(case = case, method = method, quantity = quantity,
                                          step = seq_along(values), value = as.numeric(values))
}
add_fc <- function(case, method, fc) {
  add(case, method, "mean", fc$mean)
  for (i in seq_along(fc$level)) {
    add(case, method, paste0("lo", fc$level[i]), fc$lower[, i])
    add(case, method, paste0("hi", fc$level[i]), fc$upper[, i])
  }
}
for (c in cases) {
  y <- ts(c$y, frequency = c$m)
  h <- 2 * max(c$m, 4)
  add_fc(c$name, "Naive", naive(y, h = h, level = c(80, 95)))
  add_fc(c$name, "SeasonalNaive", snaive(y, h = h, level = c(80, 95)))
  add_fc(c$name, "RWD", rwf(y, h = h, drift = TRUE, level = c(80, 95)))
  th <- thetaf(y, h = h, level = c(80, 95))
  add_fc(c$name, "Theta", th)
  add(c$name, "Theta", "alpha", th$model$alpha)
  add(c$name, "Theta", "sigma2", th$model$sigma)
  # SES alone (level and intervals), for the least-squares fit.
  s <- ses(y, h = h, level = c(80, 95))
  add_fc(c$name, "SES", s)
  add(c$name, "SES", "alpha", s$model$par["alpha"])
  # Damped trend ETS(A,Ad,N) by least squares on the raw series: parameters, SSE and forecasts.
  d_fit <- ets(y, "AAN", damped = TRUE, opt.crit = "mse")
  add(c$name, "DampedTrend", "par", d_fit$par[c("alpha", "beta", "phi")])
  add(c$name, "DampedTrend", "sse", sum(residuals(d_fit)^2))
  add(c$name, "DampedTrend", "mean", forecast(d_fit, h = h)$mean)
  # Linear regression on trend (and season): mean and the prediction standard deviation.
  n <- length(c$y)
  d <- data.frame(t = 1:n, y = c$y, s = factor((0:(n - 1)) %% c$m))
  nd <- data.frame(t = (n + 1):(n + h), s = factor((n:(n + h - 1)) %% c$m, levels = levels(d$s)))
  for (seasonal in c(FALSE, TRUE)) {
    if (seasonal && c$m == 1) next
    f <- if (seasonal) lm(y ~ t + s, data = d) else lm(y ~ t, data = d)
    p <- predict(f, nd, se.fit = TRUE)
    name <- if (seasonal) "LinearTrendSeasonal" else "LinearTrend"
    add(c$name, name, "mean", p$fit)
    add(c$name, name, "sd", sqrt(p$se.fit^2 + p$residual.scale^2))
  }
}
write.csv(do.call(rbind, rows), file.path(out_dir, "reference.csv"), row.names = FALSE, quote = FALSE)
