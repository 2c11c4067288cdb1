# Shared by scripts/crash-test and scripts/soak: build the binaries, run an oktasim process with a state file,
# drive oktabulk against it, and check through /__sim/ that every roster row has exactly one request.
# Needs curl, jq and sqlite3 (scripts/bootstrap installs them). Source it; it defines functions only.

# build_binaries [release]: builds oktabulk and oktasim; sets BIN.
build_binaries() {
  local config=debug
  [ "${1:-}" = release ] && config=release
  swift build -c "$config" --product oktasim >/dev/null
  swift build -c "$config" --product oktabulk >/dev/null
  BIN="$(swift build -c "$config" --show-bin-path)"
}

# sim_start PORT ARGS…: starts oktasim (port 0 = free one) with WORK/sim.json as its state file; sets SIM_PID,
# SIM_URL, SIM_PORT, SIM_TOKEN. The first line it prints is "oktasim listening on URL token TOKEN".
sim_start() {
  local port="$1"
  shift
  : >"$WORK/sim.out"
  "$BIN/oktasim" --port "$port" --state "$WORK/sim.json" "$@" >"$WORK/sim.out" 2>>"$WORK/sim.err" &
  SIM_PID=$!
  local tries=0
  until grep -q "listening on" "$WORK/sim.out" 2>/dev/null; do
    tries=$((tries + 1))
    if [ $tries -gt 300 ] || ! kill -0 "$SIM_PID" 2>/dev/null; then
      echo "oktasim did not start: $(cat "$WORK/sim.err")" >&2
      return 1
    fi
    sleep 0.05
  done
  local line
  line="$(head -n 1 "$WORK/sim.out")"
  SIM_URL="$(awk '{print $4}' <<<"$line")"
  SIM_TOKEN="$(awk '{print $6}' <<<"$line")"
  SIM_PORT="${SIM_URL##*:}"
}

# sim_stop: SIGTERM (the simulator saves its state file and exits), then wait for it.
sim_stop() {
  [ -n "${SIM_PID:-}" ] || return 0
  kill -TERM "$SIM_PID" 2>/dev/null || true
  wait "$SIM_PID" 2>/dev/null || true
  SIM_PID=""
}

# control PATH: a /__sim/ answer.
control() { curl -sf "$SIM_URL/__sim/$1"; }

# make_roster ROWS FILE: the first ROWS active users of the demo org, by login, for the Salesforce entry.
# Prints the entry id.
make_roster() {
  local rows="$1" file="$2" state entry
  state="$(control state)"
  entry="$(jq -r '(.apps[] | select(.label == "Salesforce") | .id) as $app
    | [.entries[] | select(._links.relatedEntity.href | endswith("/" + $app))][0].id' <<<"$state")"
  {
    echo "user,entry"
    jq -r --arg admin "$(jq -r .adminUserId <<<"$state")" --argjson rows "$rows" --arg entry "$entry" \
      '[.users[] | select(.status == "ACTIVE" and .id != $admin)][:$rows][] | "\(.login),\($entry)"' <<<"$state"
  } >"$file"
  local got=$(($(wc -l <"$file") - 1))
  if [ "$got" -ne "$rows" ]; then
    echo "the demo org has only $got active users for $rows rows (raise --users)" >&2
    return 1
  fi
  echo "$entry"
}

# shell ARGS…: oktabulk on WORK/journal.db against the simulator (time-scaled like it). `shell … &` makes $!
# the oktabulk process itself (the subshell execs it), so a SIGKILL hits the shell, not a wrapper.
shell() {
  (
    cd "$WORK"
    export OKTA_CLIENT_ORGURL="$SIM_URL" OKTA_CLIENT_TOKEN="$SIM_TOKEN" OKTABULK_TIME_SCALE="$SCALE"
    exec "$BIN/oktabulk" --journal journal.db --yes "$@"
  )
}

# journal SQL: a read-only query of the journal.
journal() { sqlite3 -readonly -separator ' ' "$WORK/journal.db" "$1"; }

# in_doubt: rows the journal holds in `intent`.
in_doubt() { journal "SELECT count(*) FROM roster WHERE state = 'intent'"; }

# check ROWS ENTRY: the figures, and exit status 1 on any duplicate, lost row, or disagreement.
check() {
  local rows="$1" entry="$2" counts requests pairs duplicates
  counts="$(control request-counts)"
  requests="$(jq --arg e "$entry" '[.counts[] | select(.entryId == $e) | .count] | add // 0' <<<"$counts")"
  pairs="$(jq --arg e "$entry" '[.counts[] | select(.entryId == $e)] | length' <<<"$counts")"
  duplicates="$(jq --arg e "$entry" '[.counts[] | select(.entryId == $e and .count > 1)] | length' <<<"$counts")"
  # The journal's view (user, request id) and the simulator's, sorted, compared line by line.
  journal "SELECT user_id, request_id FROM roster WHERE request_id IS NOT NULL ORDER BY 1" >"$WORK/journal.view"
  control state | jq -r --arg e "$entry" \
    '.requests[] | select(.requested.entryId == $e) | "\(.requestedFor.externalId // .requestedFor.id // .requestedFor) \(.id)"' \
    | sort >"$WORK/sim.view"
  sort -o "$WORK/journal.view" "$WORK/journal.view"
  local differences
  differences="$(diff "$WORK/journal.view" "$WORK/sim.view" | grep -c '^[<>]' || true)"
  local unsent lost
  unsent="$(journal "SELECT count(*) FROM roster WHERE state IN ('loaded','resolved','intent')")"
  lost=$((rows - pairs))
  [ "$lost" -lt 0 ] && lost=0
  echo "roster rows:        $rows"
  echo "journal states:     $(journal "SELECT state || '=' || count(*) FROM roster GROUP BY state ORDER BY state" | tr '\n' ' ')"
  echo "sim requests:       $requests for $pairs (user, entry) pairs"
  echo "duplicates:         $duplicates"
  echo "lost:               $lost (rows without a request in the org)"
  echo "not yet sent:       $unsent (rows the journal still holds as loaded/resolved/intent)"
  echo "journal vs sim:     $differences differences"
  local not_final
  not_final="$(journal "SELECT line || ' ' || user_input || ' ' || state || ': ' || coalesce(last_error, '') FROM roster
    WHERE state NOT IN ('submitted','approved','granted')")"
  if [ -n "$not_final" ]; then
    echo "rows not submitted, with their reason:"
    sed 's/^/  line /' <<<"$not_final"
  fi
  if [ "$differences" -ne 0 ]; then
    echo "journal/sim differences (< journal, > sim):"
    diff "$WORK/journal.view" "$WORK/sim.view" | grep '^[<>]' | head -20
  fi
  [ "$requests" -eq "$rows" ] && [ "$duplicates" -eq 0 ] && [ "$lost" -eq 0 ] && [ "$differences" -eq 0 ] \
    && [ "$unsent" -eq 0 ]
}
