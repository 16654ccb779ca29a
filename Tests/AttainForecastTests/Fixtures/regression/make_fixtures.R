# Reference values for Tests/AttainForecastTests/RegressionTests.swift, produced with R's lm.
# Run from this folder:  Rscript make_fixtures.R
# (R 4.2, Debian r-base-core). Writes drivers.csv (the data) and the *_reference.csv files.
options(digits = 17)
set.seed(20261125)
n <- 60
price <- round(runif(n, 8, 12), 2)
advertising <- round(rlnorm(n, log(50), 0.4), 1)
promo <- rbinom(n, 1, 0.3)
headcount <- sample(20:30, n, replace = TRUE)
sales <- round(exp(6 - 1.3 * log(price) + 0.25 * log(advertising) + 0.2 * promo + 0.01 * headcount +
                   rnorm(n, 0, 0.08)), 1)
d <- data.frame(sales, price, advertising, promo, headcount)
write.csv(d, "drivers.csv", row.names = FALSE)
d <- read.csv("drivers.csv")  # fit on exactly what the Swift tests read

newdata <- data.frame(price = c(9, 10.5, 13), advertising = c(40, 60, 90), promo = c(0, 1, 1),
                      headcount = c(22, 25, 31))
write.csv(newdata, "newdata.csv", row.names = FALSE)

summarise <- function(fit, name) {
  s <- summary(fit)
  co <- coef(s)
  data.frame(model = name, term = rownames(co), estimate = co[, 1], std_error = co[, 2], t = co[, 3],
             p = co[, 4], sigma = s$sigma, r_squared = s$r.squared, adj_r_squared = s$adj.r.squared,
             df = fit$df.residual, loglik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit),
             row.names = NULL)
}
predictions <- function(fit, name, nd, level) {
  conf <- predict(fit, nd, interval = "confidence", level = level)
  pred <- predict(fit, nd, interval = "prediction", level = level)
  data.frame(model = name, row = seq_len(nrow(nd)) - 1, level = level, fit = conf[, 1], conf_lwr = conf[, 2],
             conf_upr = conf[, 3], pred_lwr = pred[, 2], pred_upr = pred[, 3])
}

linear <- lm(sales ~ price + advertising + promo + headcount, data = d)
noint <- lm(sales ~ 0 + price + advertising + promo + headcount, data = d)
loglog <- lm(log(sales) ~ log(price) + log(advertising), data = d)
coefs <- rbind(summarise(linear, "linear"), summarise(noint, "noint"), summarise(loglog, "loglog"))
write.csv(coefs, "lm_reference.csv", row.names = FALSE)
preds <- rbind(predictions(linear, "linear", newdata, 0.9), predictions(linear, "linear", newdata, 0.95),
               predictions(noint, "noint", newdata, 0.8), predictions(loglog, "loglog", newdata, 0.95))
write.csv(preds, "predict_reference.csv", row.names = FALSE)

# Ridge by augmented least squares: minimize ||y - Xb||^2 + lambda * sum(b[-1]^2), via lm on the
# stacked system (no intercept column penalized).
lambda <- 250
X <- model.matrix(linear)
k <- ncol(X)
aug <- rbind(X, cbind(0, sqrt(lambda) * diag(k - 1)))
yaug <- c(d$sales, rep(0, k - 1))
ridge <- lm.fit(aug, yaug)
write.csv(data.frame(lambda = lambda, term = colnames(X), estimate = ridge$coefficients),
          "ridge_reference.csv", row.names = FALSE)

# Student t distribution: pt and qt on a grid, including fractional degrees of freedom.
grid <- expand.grid(t = c(-40, -6.5, -2.1, -1, -0.3, 0, 0.25, 1.7, 3.3, 12), df = c(1, 2.5, 5, 17, 55, 300, 1e5))
grid$cdf <- pt(grid$t, grid$df)
grid$upper <- pt(grid$t, grid$df, lower.tail = FALSE)
write.csv(grid, "pt_reference.csv", row.names = FALSE)
qgrid <- expand.grid(p = c(1e-10, 0.001, 0.025, 0.1, 0.5, 0.8, 0.95, 0.975, 0.995), df = c(1, 2, 3.5, 10, 56, 1000))
qgrid$quantile <- qt(qgrid$p, qgrid$df)
write.csv(qgrid, "qt_reference.csv", row.names = FALSE)
# Regularized incomplete beta I_x(a, b) = pbeta(x, a, b).
bgrid <- expand.grid(x = c(0.001, 0.1, 0.35, 0.5, 0.9, 0.999), a = c(0.5, 1, 2.5, 30), b = c(0.5, 3, 12.5, 200))
bgrid$value <- pbeta(bgrid$x, bgrid$a, bgrid$b)
write.csv(bgrid, "pbeta_reference.csv", row.names = FALSE)
