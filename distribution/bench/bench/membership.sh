#!/bin/sh
# Membership and CIB benchmark of the real distribution: 3 `bin/vigil node` JVMs, each in its own network namespace
# (veth into a bridge in a switch namespace; 10.x addresses exist only inside the namespaces, nothing is added to
# the root namespace). Prints min/median/max of the time to a new membership view after kill -9, SIGSTOP and a
# silent link cut, spurious view changes in an idle run under CPU load, and committed CIB changes per second.
# Needs root (ip netns), socat, and a built distribution (cd /work/main && mvn -B -o install -DskipTests).
#   bench/membership.sh [--runs N] [--idle-seconds S] [--hogs N] [--cib-seconds S] [--rings 1|2] [--ring1-seconds S]
#                       [--only kill,stop,cut,idle,cib,ring1]   (ring1: with --rings 2, cut only the first ring)
set -e
HERE=$(cd "$(dirname "$0")/.." && pwd -P)
ROOT=$(cd "$HERE/../.." && pwd -P)
VIGIL_HOME=${VIGIL_HOME:-$ROOT/distribution/target/vigil}
if [ ! -x "$VIGIL_HOME/bin/vigil" ]; then
  echo "no distribution at $VIGIL_HOME: build it first (mvn -B -o install -DskipTests)" >&2; exit 2
fi
if [ ! -d "$HERE/target/classes/io/vigil/bench" ]; then
  (cd "$HERE" && mvn -B -o package) >&2
fi
exec java -cp "$HERE/target/classes" io.vigil.bench.MembershipBench --vigil-home "$VIGIL_HOME" "$@"
