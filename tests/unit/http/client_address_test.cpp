// Who the client is behind a reverse proxy (client_address.h), and where the web app is found
// beside the binary (web_root.h).
#include "adapters/http/client_address.h"
#include "adapters/http/web_root.h"

#include <gtest/gtest.h>

namespace sterk::http {
namespace {

std::vector<Cidr> cidrs(std::string const& list)
{
    auto parsed = parse_cidr_list(list, "--trusted-proxy");
    EXPECT_TRUE(parsed.ok()) << parsed.error().message;
    return parsed.ok() ? *parsed : std::vector<Cidr>{};
}

TEST(ClientAddress, CidrParsingAndMatching)
{
    auto const net = cidrs("10.0.0.0/8, 192.168.1.7, fd00::/8, 172.16.0.0/12");
    ASSERT_EQ(net.size(), 4u);
    EXPECT_TRUE(cidr_contains(net[0], "10.255.1.2"));
    EXPECT_FALSE(cidr_contains(net[0], "11.0.0.1"));
    EXPECT_TRUE(cidr_contains(net[1], "192.168.1.7"));
    EXPECT_FALSE(cidr_contains(net[1], "192.168.1.8"));
    EXPECT_TRUE(cidr_contains(net[2], "fd12::1"));
    EXPECT_FALSE(cidr_contains(net[2], "fe80::1"));
    EXPECT_TRUE(cidr_contains(net[3], "172.31.255.255"));
    EXPECT_FALSE(cidr_contains(net[3], "172.32.0.0"));
    EXPECT_TRUE(cidr_contains(net[0], "::ffff:10.1.2.3")) << "IPv4 on an IPv6 socket";
    EXPECT_FALSE(cidr_contains(net[0], "niet-een-adres"));
    for (char const* bad : {"10.0.0.0/33", "fd00::/129", "proxy.example", "10.0.0.0/", "10.0.0.0/8x", ""}) {
        auto parsed = parse_cidr(bad, "--trusted-proxy");
        ASSERT_FALSE(parsed.ok()) << bad;
        EXPECT_EQ(parsed.error().field, "--trusted-proxy");
    }
}

TEST(ClientAddress, ForwardedForCountsOnlyBehindATrustedProxy)
{
    auto const trusted = cidrs("127.0.0.1, 10.0.0.0/8");
    // Not from a trusted proxy: the header is the client's own claim.
    EXPECT_EQ(client_address("198.51.100.7", {"203.0.113.9"}, trusted), "198.51.100.7");
    // From a trusted proxy without the header: the proxy itself.
    EXPECT_EQ(client_address("127.0.0.1", {}, trusted), "127.0.0.1");
    EXPECT_EQ(client_address("127.0.0.1", {"203.0.113.9"}, trusted), "203.0.113.9");
    // The rightmost untrusted entry; what the client wrote further left is ignored.
    EXPECT_EQ(client_address("127.0.0.1", {"1.2.3.4, 203.0.113.9"}, trusted), "203.0.113.9");
    EXPECT_EQ(client_address("127.0.0.1", {"1.2.3.4, 203.0.113.9, 10.1.1.1"}, trusted), "203.0.113.9");
    EXPECT_EQ(client_address("127.0.0.1", {"1.2.3.4", "203.0.113.9"}, trusted), "203.0.113.9") << "two headers";
    // Only trusted hops: the leftmost of them. Garbage: the last address vouched for.
    EXPECT_EQ(client_address("127.0.0.1", {"10.0.0.5"}, trusted), "10.0.0.5");
    EXPECT_EQ(client_address("127.0.0.1", {"onzin, 10.0.0.5"}, trusted), "10.0.0.5");
    EXPECT_EQ(client_address("127.0.0.1", {"onzin"}, trusted), "127.0.0.1");
    EXPECT_EQ(client_address("127.0.0.1", {"2001:db8::1"}, trusted), "2001:db8::1");
    EXPECT_EQ(client_address("127.0.0.1", {"203.0.113.9"}, {}), "127.0.0.1") << "no proxies configured";
}

TEST(WebRoot, CandidatesBesideTheBinary)
{
    auto const candidates = web_root_candidates("/opt/sterklabel/bin/sterklabel");
    ASSERT_EQ(candidates.size(), 3u);
    EXPECT_EQ(candidates[0], "/opt/sterklabel/bin/web");
    EXPECT_EQ(candidates[1], "/opt/sterklabel/share/sterklabel/web");
    EXPECT_EQ(candidates[2], "/opt/sterklabel/web/dist");
    EXPECT_FALSE(find_web_root({"/bestaat/niet"}).has_value());
}

}  // namespace
}  // namespace sterk::http
