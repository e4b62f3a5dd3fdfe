#!/usr/bin/env bash
# The compiled build (mypyc) against pure Python: build and install it into a virtual
# environment outside the tree, check that it extracts exactly what the pure source does
# (benchmarks/extract_snapshot.py, byte for byte), and print extraction speed on real
# text (benchmarks/extract.py --real-only) for both, with the same interpreter, one core.
#
# Usage: benchmarks/compiled.sh [--real-mb MB] [--venv DIR] [--tests]
#   --real-mb MB  real text to read per build (default 5)
#   --venv DIR    build into DIR and keep it; an existing compiled DIR is reused as it is
#   --tests       also run the extraction tests (tests/extract, tests/gold, crosscheck test
#                 tests/std) against the compiled install
# PYTHON picks the interpreter (default python3); the build needs a C compiler.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
real_mb=5
venv=""
tests=0
while [ $# -gt 0 ]; do
    case "$1" in
        --real-mb) real_mb="$2"; shift 2 ;;
        --venv) venv="$2"; shift 2 ;;
        --tests) tests=1; shift ;;
        *) echo "usage: benchmarks/compiled.sh [--real-mb MB] [--venv DIR] [--tests]" >&2; exit 2 ;;
    esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "$venv" ]; then
    venv="$work/venv"
fi
build_of() {  # what a Python runs: "compiled with mypyc" or "pure Python"
    "$@" -c 'from crosscheck.build_info import build; print(build())'
}

if [ -x "$venv/bin/python" ] && [ "$(build_of "$venv/bin/python")" = "compiled with mypyc" ]; then
    echo "+ reusing the compiled install in $venv"
else
    echo "+ building crosscheck with CROSSCHECK_COMPILE=1 into $venv (a few minutes)"
    "$python" -m venv "$venv"
    start=$(date +%s)
    CROSSCHECK_COMPILE=1 "$venv/bin/pip" install --disable-pip-version-check -q "$root"
    echo "  built and installed in $(( $(date +%s) - start )) s"
fi
compiled=("$venv/bin/python")
# The same interpreter and dependencies, reading the source tree instead of the install.
pure=(env "PYTHONPATH=$root/engine" "$venv/bin/python")
[ "$(build_of "${compiled[@]}")" = "compiled with mypyc" ] || { echo "not compiled" >&2; exit 1; }
[ "$(build_of "${pure[@]}")" = "pure Python" ] || { echo "engine/ holds compiled modules" >&2; exit 1; }

echo "+ exactness: every claim and decision, compiled against pure (extract_snapshot.py)"
cd "$root"  # the snapshot names files by their path: both from the same folder
"${pure[@]}" benchmarks/extract_snapshot.py "$work/pure.snap" >/dev/null
"${compiled[@]}" benchmarks/extract_snapshot.py "$work/compiled.snap" >/dev/null
if cmp -s "$work/pure.snap" "$work/compiled.snap"; then
    echo "  identical ($(wc -c <"$work/pure.snap") bytes)"
else
    echo "  DIFFERENT: the compiled build extracts something else" >&2
    diff "$work/pure.snap" "$work/compiled.snap" | head -20 >&2
    exit 1
fi

one_core=()
if command -v taskset >/dev/null; then
    one_core=(taskset -c 0)
fi
echo "+ extraction speed on real text, $real_mb MB each, CPU time on one core"
for name in pure compiled; do
    if [ "$name" = pure ]; then run=("${pure[@]}"); else run=("${compiled[@]}"); fi
    printf '  %-10s' "$name:"
    "${one_core[@]}" "${run[@]}" benchmarks/extract.py --real-only --real-mb "$real_mb"
done

if [ "$tests" = 1 ]; then
    echo "+ the extraction tests against the compiled install"
    "$venv/bin/pip" install --disable-pip-version-check -q pytest hypothesis jsonschema
    # From tests/, where the compiled install, not engine/, is what `import crosscheck` finds.
    (cd "$root/tests" && "$venv/bin/python" -c \
        'import crosscheck.extract.bind as b; assert b.__file__.endswith(".so"), b.__file__')
    (cd "$root/tests" && HYPOTHESIS_PROFILE=ci "$venv/bin/python" -m pytest -p no:cacheprovider \
        --rootdir "$root" -c "$root/pyproject.toml" extract gold)
    (cd "$root" && "$venv/bin/crosscheck" test tests/std)
fi
