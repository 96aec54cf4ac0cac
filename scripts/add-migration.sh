#!/usr/bin/env bash
# Adds a migration to one module for BOTH providers (SQLite and SQL Server).
#   scripts/add-migration.sh <Module> <MigrationName>      e.g. scripts/add-migration.sh PortalSettings AddBookingNotice
# While Portal is unreleased a module keeps ONE migration per provider, Initial (see docs/decisions); after a model
# change regenerate it instead of adding one:
#   rm -r src/Modules/<Module>/Portal.Modules.<Module>/Data/Migrations && scripts/add-migration.sh <Module> Initial
set -euo pipefail
cd "$(dirname "$0")/.."
module="${1:?module name, e.g. PortalSettings}"
name="${2:?migration name}"
project="src/Modules/${module}/Portal.Modules.${module}"
[ -d "$project" ] || { echo "no module at $project" >&2; exit 1; }

dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  context="$(grep -rhoE "class (${provider}[A-Za-z]*DbContext)\b" "$project/Data" | grep -v DesignTime | head -n 1 | awk '{print $2}')"
  [ -n "$context" ] || { echo "no ${provider} DbContext in $project/Data" >&2; exit 1; }
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --context "$context" \
    --output-dir "Data/Migrations/${provider}" --namespace "Portal.Modules.${module}.Data.Migrations.${provider}"
done
# dotnet ef writes the snapshot to a folder named after the namespace; keep it beside its migrations.
for provider in Sqlite SqlServer; do
  stray="$project/Portal/Modules/${module}/Data/Migrations/${provider}"
  if [ -d "$stray" ]; then mv "$stray"/*.cs "$project/Data/Migrations/${provider}/"; fi
done
rm -rf "$project/Portal"
echo "Added $name to $module for SQLite and SQL Server. The migration tests check that nothing is pending."
