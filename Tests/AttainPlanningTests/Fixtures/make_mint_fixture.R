# Golden values for Reconciliation.minTrace (MinT-shrink, WLS variance scaling, OLS).
# Run from this folder:  Rscript make_mint_fixture.R   (R 4.2; base R only)
# Formula: Wickramasuriya, Athanasopoulos & Hyndman (2019), ytilde = S (S' W^-1 S)^-1 S' W^-1 yhat,
# evaluated literally with solve(); W for "shrink" from hts's shrink.estim (copied verbatim).
shrink.estim <- function(x, tar)
{
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
  return(list(shrink.cov, lambda))
}
lowerD <- function(x) diag(apply(x, 2, crossprod) / nrow(x))
# Hierarchy (node order): T, A, B, AA, AB with T = A + B, A = AA + AB; bottom (node order): B, AA, AB.
S <- rbind(c(1, 1, 1), c(0, 1, 1), c(1, 0, 0), c(0, 1, 0), c(0, 0, 1))
set.seed(42)
n <- 40
b <- matrix(rnorm(n * 3), n, 3) %*% chol(matrix(c(1, .5, .2, .5, 2, .3, .2, .3, 1.5), 3))
noise <- matrix(rnorm(n * 5, sd = 0.4), n, 5)
res <- b %*% t(S) + noise                      # n x 5 residuals, columns = nodes
yhat <- cbind(c(100, 104), c(61, 62), c(41, 40), c(30, 33), c(33, 30))   # h = 2 rows, 5 node columns
yhat <- t(yhat)                                  # 5 x 2
rec <- function(W) S %*% solve(t(S) %*% solve(W) %*% S) %*% t(S) %*% solve(W) %*% yhat
sh <- shrink.estim(res, lowerD(res))
out <- list(
  shrink = rec(sh[[1]]),
  wls = rec(lowerD(res)),
  ols = rec(diag(5)),
  structural = rec(diag(rowSums(S))))
con <- file("mint.txt", "w")
writeLines(sprintf("%d %d %d", 5, n, 2), con)
writeLines(sprintf("%.17g", sh[[2]]), con)
writeLines(paste(sprintf("%.17g", as.vector(res)), collapse = " "), con)      # node-major residuals
writeLines(paste(sprintf("%.17g", as.vector(t(yhat))), collapse = " "), con)  # node-major base
for (k in names(out)) writeLines(paste(k, paste(sprintf("%.17g", as.vector(t(out[[k]]))), collapse = " ")), con)
close(con)
