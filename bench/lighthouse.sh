#!/usr/bin/env bash
# The web apps measured the way issue 15 ("Fast where people feel it") states its targets: Lighthouse 12.2.3 (and axe)
# with Debian's Chromium on the published Host in Production, beside an empty server-rendered Blazor app published and
# run the same way in the same run. Prints one table with the targets beside it.
#
#   bench/lighthouse.sh              # AXE=0 skips the axe pass; KEEP=1 keeps the temp dir (servers' logs) for a look;
#                                    # PUBLISHED=dir reuses dir/host and dir/empty instead of publishing (script work only)
#
# Pages: the patients' invitation, sign-in, home, details, appointments, booking and funding pages (mobile preset, Lighthouse's default), the admin
# app's sign-in, patients list, calendar, My hours and a patient's funding tab (desktop preset), the empty Blazor page (both). The signed-in pages are reached by
# signing in through the apps' own forms in the tab Lighthouse then measures (bench/lighthouse/measure.mjs).
# Exits non-zero only when the set-up fails; a missed target is a finding, printed in the table.
# Needs: dotnet (SDK 10), node 20 + npm, openssl, python3, curl, /usr/bin/chromium (apt: chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
# Ports 5180-5199 are this script's (request-path.sh uses 5091/5092). The Host listens on plain HTTP only for its own
# in-process calls (its web front end calls the API on loopback, see Portal.Web.Server/Api/ApiAddress.cs); every
# browser request goes to HTTPS, as in production.
portal_http="http://127.0.0.1:5180"
portal_url="https://127.0.0.1:5181"
empty_url="https://127.0.0.1:5182"

for tool in dotnet node npm openssl python3 curl; do
  command -v "$tool" >/dev/null || { echo "lighthouse: $tool is missing" >&2; exit 1; }
done
[ -x "$CHROME_PATH" ] || { echo "lighthouse: no Chromium at $CHROME_PATH (apt-get install -y chromium)" >&2; exit 1; }
for port in 5180 5181 5182; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "lighthouse: port $port is taken" >&2; exit 1; fi
done

work="$(mktemp -d /tmp/portal-lighthouse.XXXXXX)"
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ] || [ "$status" != 0 ]; then
    [ "$status" != 0 ] && { echo "lighthouse: set-up failed; logs:" >&2; tail -n 15 "$work"/*.log >&2 2>/dev/null || true; }
    echo "lighthouse: kept $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# Lighthouse and axe-core, exactly as locked (npm ci), only when the lock changed since the last install. Chromium is
# Debian's: nothing may download a browser.
(
  cd bench/lighthouse
  if ! cmp -s package-lock.json node_modules/.installed-lock 2>/dev/null; then
    echo "Installing Lighthouse (npm ci)..." >&2
    PUPPETEER_SKIP_DOWNLOAD=true CHROMEDRIVER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund --loglevel=error >/dev/null
    cp package-lock.json node_modules/.installed-lock
  fi
)

# Throwaway certificates, made for this run and deleted with it:
# - tls: Kestrel's HTTPS certificate for 127.0.0.1. Chromium is told to accept exactly this public key
#   (--ignore-certificate-errors-spki-list) rather than to ignore certificate errors altogether.
# - dp: the Data Protection certificate that Production requires to encrypt the key ring (StartupSafety.cs).
cert_password="bench-$RANDOM$RANDOM"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -addext "extendedKeyUsage=serverAuth" \
  -keyout "$work/tls.key" -out "$work/tls.crt" 2>/dev/null
openssl pkcs12 -export -inkey "$work/tls.key" -in "$work/tls.crt" -out "$work/tls.pfx" -passout "pass:$cert_password"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Portal bench data protection" \
  -keyout "$work/dp.key" -out "$work/dp.crt" 2>/dev/null
openssl pkcs12 -export -inkey "$work/dp.key" -in "$work/dp.crt" -out "$work/dp.pfx" -passout "pass:$cert_password"
tls_spki="$(openssl x509 -in "$work/tls.crt" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64)"

# Both apps published in Release, one after the other (two cores). The empty app is the SDK's own template, made now:
# the yardstick moves with the SDK the Host is built with.
if [ -n "${PUBLISHED:-}" ]; then
  # For working on this script only: reuse $PUBLISHED/host and $PUBLISHED/empty from an earlier publish.
  ln -s "$PUBLISHED/host" "$work/host"
  ln -s "$PUBLISHED/empty" "$work/empty"
else
  echo "Publishing the Host (Release)..." >&2
  dotnet publish src/Host/Portal.Host -c Release -o "$work/host" -v quiet -nologo >"$work/publish-host.log" 2>&1
  echo "Creating and publishing an empty server-rendered Blazor app..." >&2
  dotnet new blazor --interactivity None -o "$work/empty-src" -n EmptyBlazor >"$work/new-empty.log" 2>&1
  dotnet publish "$work/empty-src" -c Release -o "$work/empty" -v quiet -nologo >"$work/publish-empty.log" 2>&1
fi

# Portal in Production on a fresh data directory. Nothing is relaxed for the measurement: HTTPS redirection, HSTS,
# the security headers, the encrypted key ring, rate limits and the password-change gate are all in force.
# The first practice and its admin come from the Bootstrap settings, as for a new installation. Email is kept in the
# database (Email:Delivery=DevelopmentMailbox) so the invitation link can be read without an SMTP server.
admin_email="owner@bench.test"
admin_first_password="Bench-first-$RANDOM$RANDOM"
admin_password="Bench-admin-$RANDOM$RANDOM"
patient_email="ava@bench.test"
patient_password="Bench-patient-$RANDOM$RANDOM"
(
  cd "$work/host"
  exec env ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="$portal_http;$portal_url" \
    Kestrel__Certificates__Default__Path="$work/tls.pfx" Kestrel__Certificates__Default__Password="$cert_password" \
    Network__HttpsPort=5181 \
    Storage__DataDirectory="$work/data" \
    DataProtection__CertificatePath="$work/dp.pfx" DataProtection__CertificatePassword="$cert_password" \
    Bootstrap__PracticeName="Harbour Bench Clinic" Bootstrap__AdminEmail="$admin_email" \
    Bootstrap__AdminPassword="$admin_first_password" \
    Email__Delivery=DevelopmentMailbox \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
    dotnet Portal.Host.dll
) >"$work/portal.log" 2>&1 &
pids+=($!)
(
  cd "$work/empty"
  exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$empty_url" \
    Kestrel__Certificates__Default__Path="$work/tls.pfx" Kestrel__Certificates__Default__Password="$cert_password" \
    Logging__LogLevel__Default=Warning \
    dotnet EmptyBlazor.dll
) >"$work/empty.log" 2>&1 &
pids+=($!)

# curl trusts the throwaway certificate and nothing else.
api() { curl -fsS --cacert "$work/tls.crt" -H 'content-type: application/json' "$@"; }
wait_for() {
  for _ in $(seq 1 120); do
    curl -fs --cacert "$work/tls.crt" "$1" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "lighthouse: $1 did not answer" >&2
  exit 1
}
wait_for "$portal_http/health/live"
wait_for "$empty_url/"

json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
sign_in() { api "$portal_url/api/auth/login" -d "{\"email\":\"$1\",\"password\":\"$2\"}" | json_field accessToken; }

# The bootstrap admin must choose their own password before anything else (the password-change gate).
echo "Setting up the practice: admin, two patients, their invitations..." >&2
token="$(sign_in "$admin_email" "$admin_first_password")"
api "$portal_url/api/me/password" -H "authorization: Bearer $token" \
  -d "{\"currentPassword\":\"$admin_first_password\",\"newPassword\":\"$admin_password\"}" >/dev/null
token="$(sign_in "$admin_email" "$admin_password")"

# Two patients: Ava accepts her invitation and is the signed-in patient; Noah's invitation stays open, for the
# invitation page.
new_patient() {
  api "$portal_url/api/practice/patients" -H "authorization: Bearer $token" \
    -d "{\"givenName\":\"$1\",\"familyName\":\"$2\",\"dateOfBirth\":\"$3\",\"email\":\"$4\"}" \
    | json_field id
}
ava="$(new_patient Ava Nguyen 1990-04-12 "$patient_email")"
noah="$(new_patient Noah Smith 1985-09-30 noah@bench.test)"
for patient in "$ava" "$noah"; do
  api "$portal_url/api/practice/patients/$patient/invitations" -H "authorization: Bearer $token" -d '{}' >/dev/null
done

# The invitation emails, from the mailbox table in the notifications database (the /api/dev/mailbox route exists
# only in Development). Email is sent by a job every 10 s.
invite_token() {
  python3 - "$work/data" "$1" <<'PY'
import glob, re, sqlite3, sys
for db in glob.glob(sys.argv[1] + "/*.db"):
    try:
        rows = sqlite3.connect(db).execute('select TextBody from DevelopmentMailbox where "To" = ? order by SentAt desc', (sys.argv[2],)).fetchall()
    except sqlite3.Error:
        continue
    for (body,) in rows:
        found = re.search(r"/invite/([A-Za-z0-9_-]+)", body)
        if found:
            print(found.group(1)); sys.exit(0)
PY
}
wait_invite() {
  local found=""
  for _ in $(seq 1 60); do
    found="$(invite_token "$1")"
    [ -n "$found" ] && { echo "$found"; return 0; }
    sleep 1
  done
  echo "lighthouse: no invitation email to $1" >&2
  return 1
}
ava_invite="$(wait_invite "$patient_email")"
noah_invite="$(wait_invite noah@bench.test)"
api "$portal_url/api/invitations/$ava_invite/accept" -d "{\"password\":\"$patient_password\"}" >/dev/null
# Ava's funding details, so her funding page and the admin's funding tab show cards rather than "Not given".
valid_to="$(date -u -d '+2 years' +%Y-%m)"
api -X PUT "$portal_url/api/practice/patients/$ava/funding" -H "authorization: Bearer $token" \
  -d "{\"medicare\":{\"number\":\"2123456701\",\"irn\":1,\"validTo\":\"$valid_to\"},\"privateHealth\":{\"fund\":\"bupa\",\"membershipNumber\":\"12345678\"}}" >/dev/null

echo "Measuring (Lighthouse $(node -p 'require("./bench/lighthouse/node_modules/lighthouse/package.json").version'), $("$CHROME_PATH" --version 2>/dev/null))..." >&2
reports="$repo/bench/lighthouse/reports/$(date -u +%Y%m%dT%H%M%SZ)"
PORTAL_URL="$portal_url" EMPTY_URL="$empty_url" TLS_SPKI="$tls_spki" REPORTS_DIR="$reports" \
  PATIENT_EMAIL="$patient_email" PATIENT_PASSWORD="$patient_password" \
  ADMIN_EMAIL="$admin_email" ADMIN_PASSWORD="$admin_password" INVITE_TOKEN="$noah_invite" AVA_ID="$ava" \
  node bench/lighthouse/measure.mjs
