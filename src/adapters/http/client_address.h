// File: client_address.h
// Who the client is behind a reverse proxy (issue 7.3). The TCP peer is the client, unless the
// peer is a proxy the operator trusts (--trusted-proxy CIDR): then X-Forwarded-For says who it
// is, read from the right (the entries the trusted proxies appended) to the first address that
// is not itself a trusted proxy. Entries further left are whatever the client sent, so they are
// never believed. The throttles and the audit log see this address.
#pragma once

#include "core/result.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sterk::http {

// Cidr: an IPv4 or IPv6 network, e.g. 10.0.0.0/8, 192.168.1.7 (= /32), fd00::/8.
struct Cidr {
    std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first 4
    bool v4 = true;
    int prefix = 32;
};

// parse_cidr: InvalidArgument naming `field` (the flag or variable) for anything else.
Result<Cidr> parse_cidr(std::string_view text, std::string const& field);

// parse_cidr_list: "10.0.0.0/8, 127.0.0.1" (STERK_TRUSTED_PROXY); empty entries are skipped.
Result<std::vector<Cidr>> parse_cidr_list(std::string_view text, std::string const& field);

// cidr_contains: whether the address (IPv4, IPv6, or IPv4-mapped IPv6) is in the network.
// False for text that is not an address.
bool cidr_contains(Cidr const& network, std::string_view address);

// client_address: as described above. `forwarded_for` holds every X-Forwarded-For header value
// in the order received.
std::string client_address(std::string const& peer, std::vector<std::string> const& forwarded_for,
                           std::vector<Cidr> const& trusted);

}  // namespace sterk::http
