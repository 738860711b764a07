#!/usr/bin/env bash
# A local Neo4j 5.26 community (Bolt and HTTP on 127.0.0.1, auth off, the Neo4j Browser at
# http://127.0.0.1:HTTP_PORT/browser/) for development and tests.
#
#   scripts/neo4j-dev.sh start    build tools/neo4j-dev if needed, start in the background, wait for Bolt and HTTP
#   scripts/neo4j-dev.sh stop     stop it cleanly (SIGTERM, bounded wait, then SIGKILL)
#   scripts/neo4j-dev.sh status   exit 0 if it runs and Bolt and HTTP answer, 1 otherwise
#   scripts/neo4j-dev.sh reset    delete its data folder (only while stopped)
#   scripts/neo4j-dev.sh build    only build the jar (tools/neo4j-dev/target/neo4j-dev.jar)
#
# Environment: NEO4J_DEV_PORT (Bolt, default 7687), NEO4J_DEV_HTTP_PORT (default Bolt port - 213, so
# 7474 for 7687), NEO4J_DEV_HEAP (default 768m), NEO4J_DEV_START_TIMEOUT seconds (default 120).
# Pid file, log and data live in tools/neo4j-dev/run/BOLT_PORT/.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOL_DIR=tools/neo4j-dev
PORT=${NEO4J_DEV_PORT:-7687}
HTTP_PORT=${NEO4J_DEV_HTTP_PORT:-$((PORT - 213))}
RUN_DIR=$TOOL_DIR/run/$PORT # one pid file, log and data folder per port: servers can run side by side
JAR=$TOOL_DIR/target/neo4j-dev.jar
PID_FILE=$RUN_DIR/neo4j.pid
LOG_FILE=$RUN_DIR/neo4j.log
HEAP=${NEO4J_DEV_HEAP:-768m}
START_TIMEOUT=${NEO4J_DEV_START_TIMEOUT:-120}
STOP_TIMEOUT=60

say() { echo "neo4j-dev: $*" >&2; }

# Exit 0 when something speaks Bolt on 127.0.0.1:$PORT (a real Bolt handshake, not just an open port).
bolt_answers() {
    python3 - "$PORT" <<'PY'
import socket, struct, sys
try:
    with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2) as s:
        # magic, then four proposals: 5.x (range of 8 minors), 4.4, none, none
        s.sendall(b"\x60\x60\xb0\x17" + struct.pack(">4I", 0x00080805, 0x00000404, 0, 0))
        reply = s.recv(4)
    sys.exit(0 if len(reply) == 4 and reply != b"\x00\x00\x00\x00" else 1)
except OSError:
    sys.exit(1)
PY
}

# Exit 0 when the Neo4j HTTP connector answers on 127.0.0.1:$HTTP_PORT (its discovery document).
http_answers() {
    python3 - "$HTTP_PORT" <<'PY'
import json, sys, urllib.request
try:
    with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/", timeout=2) as r:
        sys.exit(0 if "neo4j_version" in json.load(r) else 1)
except (OSError, ValueError):
    sys.exit(1)
PY
}

running_pid() {
    [[ -f $PID_FILE ]] || return 1
    local pid
    pid=$(cat "$PID_FILE")
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

build_if_needed() {
    if ! command -v javac >/dev/null; then
        say "installing a JDK 17 (apt-get)"
        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jdk-headless
    fi
    if ! command -v mvn >/dev/null; then
        say "installing Maven (apt-get)"
        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q maven
    fi
    if [[ ! -f $JAR || -n $(find "$TOOL_DIR/pom.xml" "$TOOL_DIR/src" -newer "$JAR" -type f -print -quit) ]]; then
        say "building $JAR (mvn -q package)"
        (cd "$TOOL_DIR" && mvn -B -q package)
    fi
}

start() {
    if pid=$(running_pid); then
        say "already running (pid $pid) on bolt://127.0.0.1:$PORT"
        return 0
    fi
    if bolt_answers; then
        say "something else already answers Bolt on 127.0.0.1:$PORT; set NEO4J_DEV_PORT or NEO4J_URI"
        return 1
    fi
    if http_answers; then
        say "something else already answers HTTP on 127.0.0.1:$HTTP_PORT; set NEO4J_DEV_HTTP_PORT"
        return 1
    fi
    build_if_needed
    mkdir -p "$RUN_DIR"
    nohup java "-Xmx$HEAP" -jar "$JAR" "$PORT" "$RUN_DIR/data" "$HTTP_PORT" >"$LOG_FILE" 2>&1 </dev/null &
    echo $! >"$PID_FILE"
    local waited=0
    until bolt_answers && http_answers; do
        if ! running_pid >/dev/null; then
            say "Neo4j exited during start-up; last lines of $LOG_FILE:"
            tail -n 30 "$LOG_FILE" >&2
            rm -f "$PID_FILE"
            return 1
        fi
        if ((waited >= START_TIMEOUT)); then
            say "Bolt or HTTP did not answer on 127.0.0.1:$PORT / :$HTTP_PORT within ${START_TIMEOUT}s; last lines of $LOG_FILE:"
            tail -n 30 "$LOG_FILE" >&2
            stop
            return 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
    say "started (pid $(cat "$PID_FILE")) on bolt://127.0.0.1:$PORT after ${waited}s; Browser: http://127.0.0.1:$HTTP_PORT/browser/"
}

stop() {
    local pid
    if ! pid=$(running_pid); then
        say "not running"
        rm -f "$PID_FILE"
        return 0
    fi
    kill -TERM "$pid"
    local waited=0
    while kill -0 "$pid" 2>/dev/null; do
        if ((waited >= STOP_TIMEOUT)); then
            say "no clean stop within ${STOP_TIMEOUT}s; killing pid $pid"
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 1
        waited=$((waited + 1))
    done
    rm -f "$PID_FILE"
    say "stopped (pid $pid)"
}

status() {
    local pid
    if pid=$(running_pid) && bolt_answers && http_answers; then
        echo "running (pid $pid) on bolt://127.0.0.1:$PORT, Browser http://127.0.0.1:$HTTP_PORT/browser/"
        return 0
    fi
    echo "not running"
    return 1
}

reset() {
    if running_pid >/dev/null; then
        say "stop it first"
        return 1
    fi
    rm -rf "$RUN_DIR/data"
    say "data removed"
}

case "${1:-}" in
start | stop | status | reset) "$1" ;;
build) build_if_needed ;;
*)
    echo "usage: $0 start|stop|status|reset|build" >&2
    exit 2
    ;;
esac
