#include "adapters/storage/database_url.h"
#include "adapters/storage/open_store.h"

#include <gtest/gtest.h>

namespace sterk {
namespace {

TEST(DatabaseUrl, SqlitePath)
{
    auto url = parse_database_url("sqlite:/var/lib/sterk/data.db");
    ASSERT_TRUE(url.ok()) << url.error().message;
    EXPECT_EQ(url->backend, Backend::Sqlite);
    EXPECT_EQ(url->sqlite_path, "/var/lib/sterk/data.db");
    EXPECT_EQ(url->connect_string, "db=\"/var/lib/sterk/data.db\"");
}

TEST(DatabaseUrl, SqliteRelativeAndTripleSlash)
{
    EXPECT_EQ(parse_database_url("sqlite:data/sterk.db")->sqlite_path, "data/sterk.db");
    EXPECT_EQ(parse_database_url("sqlite:///tmp/x.db")->sqlite_path, "/tmp/x.db");
}

TEST(DatabaseUrl, PostgresqlBecomesKeyValue)
{
    auto url = parse_database_url("postgresql://postgres@127.0.0.1:5433/sterklabel_test");
    ASSERT_TRUE(url.ok()) << url.error().message;
    EXPECT_EQ(url->backend, Backend::Postgresql);
    EXPECT_EQ(url->connect_string, "host='127.0.0.1' port='5433' dbname='sterklabel_test' user='postgres'");
}

TEST(DatabaseUrl, PostgresqlPasswordIsDecodedAndQuoted)
{
    auto url = parse_database_url("postgres://sterk:it%27s%20g%40heim@db.example:5432/sterk?sslmode=require");
    ASSERT_TRUE(url.ok()) << url.error().message;
    EXPECT_EQ(url->connect_string,
              "host='db.example' port='5432' dbname='sterk' user='sterk' password='it\\'s g@heim' sslmode='require'");
}

TEST(DatabaseUrl, MaskedHidesEveryPassword)
{
    EXPECT_EQ(parse_database_url("postgresql://u:p@ss@h:5432/db?password=x&sslmode=require")->masked,
              "postgresql://u:***@h:5432/db?password=***&sslmode=require");
    EXPECT_EQ(parse_database_url("postgres://u@h/db")->masked, "postgres://u@h/db");
    EXPECT_EQ(parse_database_url("sqlite:///tmp/x.db")->masked, "sqlite:/tmp/x.db");
}

TEST(DatabaseUrl, PostgresqlIpv6Host)
{
    auto url = parse_database_url("postgresql://u@[::1]:5432/db");
    ASSERT_TRUE(url.ok()) << url.error().message;
    EXPECT_EQ(url->connect_string, "host='::1' port='5432' dbname='db' user='u'");
}

TEST(DatabaseUrl, UnparsableIsInvalidArgumentOnFieldDb)
{
    for (std::string text : {"", "mysql://u@h/db", "sqlite:", "postgresql://u@h:5432/", "postgresql://u@h:abc/db",
                             "postgresql://u@:5432/db", "postgresql://u@h/db?bad", "postgresql://u@h/d%zz"}) {
        auto url = parse_database_url(text);
        ASSERT_FALSE(url.ok()) << text;
        EXPECT_EQ(url.error().code, ErrorCode::InvalidArgument) << text;
        EXPECT_EQ(url.error().field, "db") << text;
        EXPECT_NE(url.error().message.find("ongeldige database-URL"), std::string::npos) << url.error().message;
    }
}

TEST(DatabaseUrl, OpenStoreRefusesAnUnparsableUrl)
{
    auto store = open_store("mysql://root@localhost/sterk", MigrationMode::Migrate);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(store.error().field, "db");
}

}  // namespace
}  // namespace sterk
