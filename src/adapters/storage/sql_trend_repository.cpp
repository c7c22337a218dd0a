#include "adapters/storage/sql_trend_repository.h"

// GCC 12 reports a false -Wmaybe-uninitialized in Database::run's optional<Error> once run() is
// inlined into these readers (the optional is disengaged); nothing here reads it.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#include <algorithm>

namespace sterk {

namespace {

Result<std::vector<TrendFact>> read_facts(soci::session& sql, std::string const& where, Id const* param)
{
    std::string content;
    auto query = (sql.prepare << "SELECT content FROM trend_facts " + where + " ORDER BY trajectory_id",
                  soci::into(content));
    if (param) {
        query, soci::use(*param);
    }
    soci::statement statement(query);
    statement.execute();
    std::vector<TrendFact> out;
    while (statement.fetch()) {
        out.push_back(TRY(decode_trend_fact(content)));
    }
    return out;
}

void insert_fact(soci::session& sql, TrendFact const& fact)
{
    std::string const content = encode_trend_fact(fact);
    sql << "INSERT INTO trend_facts (trajectory_id, member_id, year, variant, band, content)"
           " VALUES (:t, :m, :y, :v, :b, :c)",
        soci::use(fact.trajectory_id), soci::use(fact.member_id), soci::use(fact.year), soci::use(fact.variant),
        soci::use(fact.band), soci::use(content);
    Id trajectory = fact.trajectory_id;
    std::string norm;
    std::string verdict;
    soci::statement insert = (sql.prepare << "INSERT INTO trend_verdicts (trajectory_id, norm, verdict)"
                                             " VALUES (:t, :n, :v)",
                              soci::use(trajectory), soci::use(norm), soci::use(verdict));
    for (auto const& [code, value] : fact.verdicts) {
        norm = code;
        verdict = verdict_symbol(value);
        insert.execute(true);
    }
}

void delete_fact(soci::session& sql, Id trajectory_id)
{
    sql << "DELETE FROM trend_verdicts WHERE trajectory_id = :t", soci::use(trajectory_id);
    sql << "DELETE FROM trend_facts WHERE trajectory_id = :t", soci::use(trajectory_id);
}

// add_counter: n added to the stored counter (created at n), removed once it is 0.
void add_counter(soci::session& sql, CounterKey const& key, long n)
{
    long long delta = n;
    sql << "INSERT INTO trend_counts (grp, metric, subject, value, n) VALUES (:g, :m, :s, :v, :n)"
           " ON CONFLICT (grp, metric, subject, value) DO UPDATE SET n = trend_counts.n + excluded.n",
        soci::use(key.group), soci::use(key.metric), soci::use(key.subject), soci::use(key.value), soci::use(delta);
    sql << "DELETE FROM trend_counts WHERE grp = :g AND metric = :m AND subject = :s AND value = :v AND n = 0",
        soci::use(key.group), soci::use(key.metric), soci::use(key.subject), soci::use(key.value);
}

// add_member: the member's count in the group moved; the group's organisations counter follows
// when it passes 0.
void add_member(soci::session& sql, MemberKey const& key, long n)
{
    long long delta = n;
    sql << "INSERT INTO trend_members (grp, member_id, n) VALUES (:g, :m, :n)"
           " ON CONFLICT (grp, member_id) DO UPDATE SET n = trend_members.n + excluded.n",
        soci::use(key.group), soci::use(key.member_id), soci::use(delta);
    long long now = 0;
    sql << "SELECT n FROM trend_members WHERE grp = :g AND member_id = :m", soci::use(key.group),
        soci::use(key.member_id), soci::into(now);
    if (now == 0) {
        sql << "DELETE FROM trend_members WHERE grp = :g AND member_id = :m", soci::use(key.group),
            soci::use(key.member_id);
        add_counter(sql, {key.group, "organisations", "", ""}, -1);
    } else if (now == delta) {
        add_counter(sql, {key.group, "organisations", "", ""}, 1);
    }
}

Result<TrendCounters> read_counters(soci::session& sql, std::string const& where,
                                    std::vector<std::string> const& params)
{
    CounterKey key;
    long long n = 0;
    auto query = (sql.prepare << "SELECT grp, metric, subject, value, n FROM trend_counts " + where,
                  soci::into(key.group), soci::into(key.metric), soci::into(key.subject), soci::into(key.value),
                  soci::into(n));
    for (auto const& param : params) {
        query, soci::use(param);
    }
    soci::statement statement(query);
    statement.execute();
    TrendCounters out;
    while (statement.fetch()) {
        out[key] = static_cast<long>(n);
    }
    return out;
}

}  // namespace

Result<std::optional<TrendFact>> SqlTrendRepository::find(Id trajectory_id)
{
    return m_db.run("trendgegevens van een traject lezen", [&](soci::session& sql) -> Result<std::optional<TrendFact>> {
        auto facts = TRY(read_facts(sql, "WHERE trajectory_id = :t", &trajectory_id));
        if (facts.empty()) {
            return std::optional<TrendFact>{};
        }
        return std::optional<TrendFact>{std::move(facts.front())};
    });
}

Result<std::vector<TrendFact>> SqlTrendRepository::facts()
{
    return m_db.run("trendgegevens lezen", [&](soci::session& sql) { return read_facts(sql, "", nullptr); });
}

Result<std::vector<TrendFact>> SqlTrendRepository::facts_of_member(Id member_id)
{
    return m_db.run("trendgegevens van een lid lezen",
                    [&](soci::session& sql) { return read_facts(sql, "WHERE member_id = :m", &member_id); });
}

Status SqlTrendRepository::store(Id trajectory_id, std::optional<TrendFact> const& fact, TrendDelta const& delta)
{
    return m_db.run("trendgegevens bijwerken", [&](soci::session& sql) -> Status {
        delete_fact(sql, trajectory_id);
        if (fact) {
            insert_fact(sql, *fact);
        }
        for (auto const& [key, n] : delta.counters) {
            add_counter(sql, key, n);
        }
        for (auto const& [key, n] : delta.members) {
            add_member(sql, key, n);
        }
        return ok_status();
    });
}

Status SqlTrendRepository::replace_all(std::vector<TrendFact> const& facts)
{
    auto const counters = count_facts(facts);
    return m_db.run("trendgegevens opnieuw opbouwen", [&](soci::session& sql) -> Status {
        for (auto const* table : {"trend_verdicts", "trend_facts", "trend_counts", "trend_members"}) {
            sql << std::string{"DELETE FROM "} + table;
        }
        for (auto const& fact : facts) {
            insert_fact(sql, fact);
        }
        CounterKey key;
        long long n = 0;
        soci::statement counter = (sql.prepare << "INSERT INTO trend_counts (grp, metric, subject, value, n)"
                                                  " VALUES (:g, :m, :s, :v, :n)",
                                   soci::use(key.group), soci::use(key.metric), soci::use(key.subject),
                                   soci::use(key.value), soci::use(n));
        for (auto const& [k, value] : counters) {
            key = k;
            n = value;
            counter.execute(true);
        }
        std::map<MemberKey, long> members;
        for (auto const& fact : facts) {
            for (auto const& group : trend_groups(fact)) {
                members[{group, fact.member_id}] += 1;
            }
        }
        MemberKey member;
        soci::statement insert = (sql.prepare << "INSERT INTO trend_members (grp, member_id, n) VALUES (:g, :m, :n)",
                                  soci::use(member.group), soci::use(member.member_id), soci::use(n));
        for (auto const& [k, value] : members) {
            member = k;
            n = value;
            insert.execute(true);
        }
        return ok_status();
    });
}

Result<TrendCounters> SqlTrendRepository::counters(std::vector<std::string> const& groups)
{
    if (groups.empty()) {
        return TrendCounters{};
    }
    std::string where = "WHERE grp IN (";
    for (size_t i = 0; i < groups.size(); ++i) {
        where += (i ? ", :g" : ":g") + std::to_string(i);
    }
    where += ")";
    return m_db.run("trendcijfers lezen", [&](soci::session& sql) { return read_counters(sql, where, groups); });
}

Result<TrendCounters> SqlTrendRepository::all_counters()
{
    return m_db.run("trendcijfers lezen", [&](soci::session& sql) { return read_counters(sql, "", {}); });
}

Result<std::vector<int>> SqlTrendRepository::years()
{
    return m_db.run("jaren van de trendanalyse lezen", [&](soci::session& sql) -> Result<std::vector<int>> {
        // The first and last year through the index (no scan of the facts); a year between them
        // without reports simply has no counters.
        int first = 0;
        int last = 0;
        soci::indicator first_indicator = soci::i_null;
        soci::indicator last_indicator = soci::i_null;
        sql << "SELECT MIN(year), MAX(year) FROM trend_facts", soci::into(first, first_indicator),
            soci::into(last, last_indicator);
        std::vector<int> out;
        if (first_indicator == soci::i_ok && last_indicator == soci::i_ok) {
            for (int year = first; year <= last; ++year) {
                out.push_back(year);
            }
        }
        return out;
    });
}

Result<TrendCounters> SqlTrendRepository::verdicts_grouped(std::string const& variant, std::string const& band)
{
    return m_db.run("oordelen groeperen", [&](soci::session& sql) -> Result<TrendCounters> {
        int year = 0;
        std::string norm;
        std::string verdict;
        long long n = 0;
        soci::statement statement =
            (sql.prepare << "SELECT f.year, v.norm, v.verdict, COUNT(*) FROM trend_verdicts v"
                            " JOIN trend_facts f ON f.trajectory_id = v.trajectory_id"
                            " WHERE (:v1 = '*' OR f.variant = :v2) AND (:b1 = '*' OR f.band = :b2)"
                            " GROUP BY f.year, v.norm, v.verdict",
             soci::use(variant), soci::use(variant), soci::use(band), soci::use(band), soci::into(year),
             soci::into(norm), soci::into(verdict), soci::into(n));
        statement.execute();
        TrendCounters out;
        while (statement.fetch()) {
            out[{trend_group(std::to_string(year), variant, band), "verdict", norm, verdict}] = static_cast<long>(n);
        }
        return out;
    });
}

}  // namespace sterk
