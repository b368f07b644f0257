#!/usr/bin/env bash
# jena.sh MAIN-CLASS ARGS... - run an Apache Jena 4.5 command from Debian 12's jars.
#   jena.sh riotcmd.riot --validate graph.ttl       (exit 1 on errors AND warnings)
#   jena.sh arq.rdfdiff a.nt b.nt N-TRIPLES N-TRIPLES
# Debian ships the jars without wrapper scripts or a Class-Path, and with two packaging
# bugs this script works around (see shared/RECIPES.md, section 1b):
#  1. jena-core.jar has its shaded Xerces classes in package xerces.* but their message
#     bundles under org/apache/jena/ext/xerces/..., so every command dies at start-up in
#     SchemaDVFactory. Fix: a copy of the bundles under xerces/impl/... first on the path.
#  2. Jakarta JSON-P has no provider (no parsson package), so JSON-LD fails with
#     LOADING_DOCUMENT_FAILED. Fix: libjsonp-java's javax.json implementation renamed to
#     jakarta.* by javax2jakarta -profile=EE, plus a META-INF/services provider entry.
# Both fixes are built once into $JENA_FIX_DIR (default $EKG_CACHE_DIR/jena-deb-fix, else
# ~/.cache/jena-deb-fix).
set -euo pipefail

J=/usr/share/java
FIX=${JENA_FIX_DIR:-${EKG_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}}/jena-deb-fix}

if [[ $# -lt 1 ]]; then
  echo "usage: jena.sh MAIN-CLASS [ARGS...]" >&2
  exit 2
fi
command -v java >/dev/null || { echo "jena.sh: java not found (apt-get install default-jre-headless)" >&2; exit 127; }
[[ -f $J/jena-core.jar ]] || { echo "jena.sh: $J/jena-core.jar not found (apt-get install libapache-jena-java)" >&2; exit 127; }

build_fix() {
  local tmp
  mkdir -p "$(dirname "$FIX")"
  tmp=$(mktemp -d "$FIX.tmp.XXXXXX")
  # 1. Xerces message bundles where the shaded classes look for them.
  /usr/bin/python3 - "$J/jena-core.jar" "$tmp/classes" <<'PY'
import os, sys, zipfile
jar, out = sys.argv[1], sys.argv[2]
prefix = "org/apache/jena/ext/xerces/"
n = 0
with zipfile.ZipFile(jar) as z:
    for name in z.namelist():
        if name.startswith(prefix) and name.endswith(".properties"):
            dest = os.path.join(out, "xerces", name[len(prefix):])
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, "wb") as f:
                f.write(z.read(name))
            n += 1
if n == 0:
    sys.exit("jena.sh: no xerces message bundles found in " + jar)
PY
  # 2. A Jakarta JSON-P provider made from the javax.json Glassfish implementation.
  if [[ -f $J/javax.json.jar ]] && command -v javax2jakarta >/dev/null; then
    javax2jakarta -profile=EE "$J/javax.json.jar" "$tmp/jakarta-json-impl.jar" >/dev/null 2>&1
    mkdir -p "$tmp/classes/META-INF/services"
    echo org.glassfish.json.JsonProviderImpl > "$tmp/classes/META-INF/services/jakarta.json.spi.JsonProvider"
  else
    echo "jena.sh: warning: no javax.json.jar or javax2jakarta; JSON-LD input will fail" >&2
  fi
  rm -rf "$FIX"
  mv "$tmp" "$FIX"
}
[[ -d $FIX/classes/xerces ]] || build_fix

CP=$FIX/classes
[[ -f $FIX/jakarta-json-impl.jar ]] && CP+=:$FIX/jakarta-json-impl.jar
for jar in jena-core jena-arq jena-base jena-cmds jena-iri jena-shacl jena-shex \
    jena-rdfconnection jena-tdb jena-tdb2 jena-dboe-base jena-dboe-index jena-dboe-storage \
    jena-dboe-trans-data jena-dboe-transaction \
    commons-cli commons-codec commons-compress commons-csv commons-io commons-lang3 \
    dexx.collection gson guava httpclient httpclient-cache httpcore \
    jackson-core jackson-databind jackson-annotations jsonld-java jakarta.json-api \
    titanium-json-ld protobuf thrift slf4j-api slf4j-simple; do
  [[ -f $J/$jar.jar ]] && CP+=:$J/$jar.jar
done

exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$@"
