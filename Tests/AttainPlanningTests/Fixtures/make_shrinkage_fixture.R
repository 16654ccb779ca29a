# Golden values for ShrinkageCovariance (MinT-shrink covariance).
# Run from this folder:  Rscript make_shrinkage_fixture.R   (R 4.2; no packages needed)
# `shrink.estim` and `lowerD` are copied verbatim from the R package hts (R/MinT.R,
# Hyndman, Lee, Wang & Wickramasuriya), which is what hts::MinT(covariance = "shr") uses.
shrink.estim <- function(x, tar)
{
  if (is.matrix(x) == TRUE && is.numeric(x) == FALSE)
    stop("The data matrix must be numeric!")
  p <- ncol(x)
  n <- nrow(x)
  covm <- crossprod(x) / n
  corm <- cov2cor(covm)
  xs <- scale(x, center = FALSE, scale = sqrt(diag(covm)))
  v <- (1/(n * (n - 1))) * (crossprod(xs^2) - 1/n * (crossprod(xs))^2)
  diag(v) <- 0
  corapn <- cov2cor(tar)
  d <- (corm - corapn)^2
  lambda <- sum(v)/sum(d)
  lambda <- max(min(lambda, 1), 0)
  shrink.cov <- lambda * tar + (1 - lambda) * covm
  return(list(shrink.cov, c("The shrinkage intensity lambda is:",
                            round(lambda, digits = 4))))
}
lowerD <- function(x)
{
  n2 <- nrow(x)
  return(diag(apply(x, 2, crossprod) / n2))
}
set.seed(2019)
write_case <- function(name, res) {
  tar <- lowerD(res)
  out <- shrink.estim(res, tar)
  W <- out[[1]]
  covm <- crossprod(res) / nrow(res)
  # lambda recovered at full precision from an off-diagonal element (hts rounds it for printing)
  lambda <- 1 - W[1, 2] / covm[1, 2]
  con <- file(paste0(name, ".txt"), "w")
  writeLines(sprintf("%d %d", ncol(res), nrow(res)), con)
  writeLines(sprintf("%.17g", lambda), con)
  writeLines(paste(sprintf("%.17g", as.vector(res)), collapse = " "), con)   # series-major (column of res = series)
  writeLines(paste(sprintf("%.17g", as.vector(t(W))), collapse = " "), con)  # row-major W
  close(con)
}
# 5 series (total, 2 regions, ... ) × 30 residuals with correlation.
z <- matrix(rnorm(30 * 3), 30, 3)
res1 <- cbind(z[, 1] + z[, 2] + z[, 3], z[, 1] + 0.5 * z[, 2], z[, 2], z[, 3] + 0.3 * z[, 1], z[, 1])
write_case("shrinkage_correlated", res1)
# Weakly correlated, few observations: strong shrinkage.
res2 <- matrix(rnorm(8 * 4), 8, 4)
write_case("shrinkage_noisy", res2)
