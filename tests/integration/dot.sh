#!/usr/bin/env bash
# dot EKG SRC: graph.dot renders with Graphviz (SVG and PNG) with exit 0 and nothing on
# stderr (dot has no -Werror: warnings exit 0), and the SVG is well-formed XML.
. "$(dirname "$0")/common.sh" "$@"
need dot graphviz
need "$PY" python3
OUT=$WORK/out
export_corpus "$OUT"

render() {   # render FILE.dot PREFIX: 0 if both formats render cleanly
  local fmt
  for fmt in svg png; do
    dot -T"$fmt" "$1" -o "$2.$fmt" 2>"$2.$fmt.err" || { cat "$2.$fmt.err" >&2; return 1; }
    if [[ -s $2.$fmt.err ]]; then cat "$2.$fmt.err" >&2; return 1; fi
    [[ -s $2.$fmt ]] || { echo "dot -T$fmt wrote nothing" >&2; return 1; }
  done
  "$PY" -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])' "$2.svg" || return 1
}
render "$OUT/graph.dot" "$WORK/graph" || fail "graph.dot does not render cleanly (dot -Tsvg/-Tpng, messages above)"
nodes=$(grep -c '<g id="node' "$WORK/graph.svg" || true)
edges=$(grep -c '<g id="edge' "$WORK/graph.svg" || true)
[[ $nodes -gt 0 && $edges -gt 0 ]] || fail "graph.svg has $nodes nodes and $edges edges"
note "graph.svg: $nodes nodes, $edges edges; PNG $(stat -c %s "$WORK/graph.png") bytes"
if [[ $EKG != fixture && -f $OUT/graph.svg ]]; then
  "$PY" -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])' "$OUT/graph.svg" ||
    fail "the graph.svg ekg rendered itself is not well-formed XML"
fi

# The check itself: a DOT file that only warns must fail it.
if render "$SRC/tests/data/broken.dot" "$WORK/broken" 2>/dev/null; then
  fail "tests/data/broken.dot (warnings only) passed the check; it is not working"
fi
note "ok"
