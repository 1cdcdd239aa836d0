# shellcheck shell=bash
# Benchmarks of the stakeholders service (see scripts/bench.d/README.md and issue 4, "Speed"):
# GET one organisation >= 0.35 x pgbench -S; the network endpoint for the full seed p99 < 50 ms.

BENCH_SCENARIOS+=(
    "stakeholders-network|stakeholders|GET|/api/stakeholders/v1/netwerk|0|50|"
    "stakeholders-vacancies|stakeholders|GET|/api/stakeholders/v1/vacatures|0|0|"
    "stakeholders-org-search|stakeholders|GET|/api/stakeholders/v1/organisaties?zoek=gemeente&limit=20|0|0|"
)

# The seeded municipality of Enschede (CBS code GM0153) is the organisation read one at a time.
bench_setup_stakeholders() {
    local id
    id=$(bench_psql -At -c "SELECT id FROM stakeholders.organisations WHERE cbs_code = 'GM0153'")
    [[ $id =~ ^[0-9a-f-]{36}$ ]] || die "stakeholders: the seeded organisation GM0153 is missing"
    BENCH_SCENARIOS+=("stakeholders-org-get|stakeholders|GET|/api/stakeholders/v1/organisaties/$id|0.35|0|")
}
