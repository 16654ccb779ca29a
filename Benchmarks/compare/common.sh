# Sourced by the comparison scripts (run from the repository root): what they share.

# compare_venv PACKAGE… — the comparison scripts' shared virtual environment in $VENV, with the
# given PyPI packages installed when one of them cannot be imported (module = package name).
compare_venv() {
  VENV=Benchmarks/compare/.venv
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  local modules
  modules=$(IFS=,; echo "$*")
  "$VENV/bin/python" -c "import $modules" 2>/dev/null || "$VENV/bin/pip" install -q "$@"
}

# compare_attain — the release binary in $ATTAIN: $ATTAIN_BIN when set, else `make build`'s.
compare_attain() {
  if [ -n "${ATTAIN_BIN:-}" ]; then
    ATTAIN="$ATTAIN_BIN"
  else
    make -s build >/dev/null
    ATTAIN=.build/release/attain
  fi
}

# m3_monthly_subset N DIR — the first N monthly series of m3-meta.csv, as DIR/train.csv and
# DIR/test.csv (long format, the bundled M3 files' rows of those series).
m3_monthly_subset() {
  awk -F, -v n="$1" 'NR > 1 && $2 == "monthly" && k < n { print $1; k++ }' datasets/m3/m3-meta.csv > "$2/ids"
  local part
  for part in train test; do
    awk -F, 'FNR == NR { keep[$1] = 1; next } FNR == 1 || ($1 in keep)' "$2/ids" "datasets/m3/m3-$part.csv" \
      > "$2/$part.csv"
  done
}
