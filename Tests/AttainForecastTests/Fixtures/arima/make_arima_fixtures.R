# Reference values for the ARIMA tests, from R's forecast package (Debian r-cran-forecast 8.20).
# Run from the repository root:
#   Rscript Tests/AttainForecastTests/Fixtures/arima/make_arima_fixtures.R
# Writes series.csv (case,period,t,y), fixed.csv (case,spec,quantity,step,value) and
# auto.csv (case,p,d,q,P,D,Q,constant,horizon) next to this script.
suppressMessages(library(forecast))
out <- "Tests/AttainForecastTests/Fixtures/arima"
train <- read.csv("datasets/m3/m3-train.csv", stringsAsFactors = FALSE)
meta <- read.csv("datasets/m3/m3-meta.csv", stringsAsFactors = FALSE)
pick <- function(freq, k) {
  ids <- meta$unique_id[meta$frequency == freq]
  ids[round(seq(1, length(ids), length.out = k))]
}
cases <- list()
for (id in pick("yearly", 10)) cases[[id]] <- list(y = train$y[train$unique_id == id], m = 1)
for (id in pick("quarterly", 10)) cases[[id]] <- list(y = train$y[train$unique_id == id], m = 4)
for (id in pick("monthly", 10)) cases[[id]] <- list(y = train$y[train$unique_id == id], m = 12)
cases[["airpassengers"]] <- list(y = as.numeric(AirPassengers), m = 12)
cases[["lynx"]] <- list(y = as.numeric(lynx), m = 1)
cases[["usaccdeaths"]] <- list(y = as.numeric(USAccDeaths), m = 12)

specs <- function(m) {
  if (m == 1) list("0,1,1" = list(c(0, 1, 1), c(0, 0, 0)), "1,1,0" = list(c(1, 1, 0), c(0, 0, 0)),
                   "2,0,0" = list(c(2, 0, 0), c(0, 0, 0)), "1,1,1" = list(c(1, 1, 1), c(0, 0, 0)))
  else list("0,1,1:0,1,1" = list(c(0, 1, 1), c(0, 1, 1)), "1,0,0:1,0,0" = list(c(1, 0, 0), c(1, 0, 0)),
            "1,1,0:0,1,1" = list(c(1, 1, 0), c(0, 1, 1)), "0,1,2:1,0,0" = list(c(0, 1, 2), c(1, 0, 0)))
}
fmt <- function(x) sprintf("%.17g", x)
series_rows <- c("case,period,t,y")
fixed_rows <- c("case,spec,quantity,step,value")
auto_rows <- c("case,p,d,q,P,D,Q,constant,horizon")
for (name in names(cases)) {
  cs <- cases[[name]]
  y <- ts(cs$y, frequency = cs$m)
  h <- if (cs$m == 1) 6 else 2 * cs$m
  series_rows <- c(series_rows, paste(name, cs$m, seq_along(cs$y), fmt(cs$y), sep = ","))
  for (spec in names(specs(cs$m))) {
    o <- specs(cs$m)[[spec]]
    fit <- tryCatch(Arima(y, order = o[[1]], seasonal = o[[2]]), error = function(e) NULL)
    if (is.null(fit)) next
    fc <- forecast(fit, h = h, level = c(80, 95))
    add <- function(q, v) fixed_rows <<- c(fixed_rows, paste(name, spec, q, seq_along(v), fmt(v), sep = ","))
    for (cn in names(coef(fit))) add(paste0("coef:", cn), coef(fit)[[cn]])
    add("sigma2", fit$sigma2); add("loglik", fit$loglik); add("aicc", fit$aicc)
    add("mean", as.numeric(fc$mean))
    add("lo80", as.numeric(fc$lower[, 1])); add("hi80", as.numeric(fc$upper[, 1]))
    add("lo95", as.numeric(fc$lower[, 2])); add("hi95", as.numeric(fc$upper[, 2]))
  }
  fit <- auto.arima(y)
  a <- fit$arma
  constant <- as.integer(any(c("intercept", "drift") %in% names(coef(fit))))
  auto_rows <- c(auto_rows, paste(name, a[1], a[6], a[2], a[3], a[7], a[4], constant, h, sep = ","))
  fc <- forecast(fit, h = h, level = c(80, 95))
  fixed_rows <- c(fixed_rows, paste(name, "auto", "mean", seq_len(h), fmt(as.numeric(fc$mean)), sep = ","))
}
writeLines(series_rows, file.path(out, "series.csv"))
writeLines(fixed_rows, file.path(out, "fixed.csv"))
writeLines(auto_rows, file.path(out, "auto.csv"))
