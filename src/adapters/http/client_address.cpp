#include "adapters/http/client_address.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>
#include <optional>

namespace sterk::http {

namespace {

struct Address {
    std::array<std::uint8_t, 16> bytes{};
    bool v4 = true;
};

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

std::optional<Address> parse_address(std::string_view text)
{
    text = trim(text);
    if (text.size() > 2 && text.front() == '[' && text.back() == ']') {
        text = text.substr(1, text.size() - 2);
    }
    std::string const copy{text};
    Address address;
    if (inet_pton(AF_INET, copy.c_str(), address.bytes.data()) == 1) {
        return address;
    }
    if (inet_pton(AF_INET6, copy.c_str(), address.bytes.data()) == 1) {
        address.v4 = false;
        // An IPv4 client on an IPv6 socket (::ffff:a.b.c.d) is that IPv4 address.
        static constexpr std::uint8_t MAPPED[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        if (std::memcmp(address.bytes.data(), MAPPED, 12) == 0) {
            std::array<std::uint8_t, 16> v4{};
            std::memcpy(v4.data(), address.bytes.data() + 12, 4);
            address.bytes = v4;
            address.v4 = true;
        }
        return address;
    }
    return std::nullopt;
}

bool is_trusted(std::string_view address, std::vector<Cidr> const& trusted)
{
    for (auto const& network : trusted) {
        if (cidr_contains(network, address)) {
            return true;
        }
    }
    return false;
}

}  // namespace

Result<Cidr> parse_cidr(std::string_view text, std::string const& field)
{
    text = trim(text);
    auto const invalid = [&] {
        return Error::invalid(field, field + ": '" + std::string{text}
                                         + "' is geen IP-adres of netwerk (bijvoorbeeld 10.0.0.0/8 of 127.0.0.1)");
    };
    auto const slash = text.find('/');
    auto const address = parse_address(text.substr(0, slash));
    if (!address) {
        return invalid();
    }
    Cidr cidr;
    cidr.bytes = address->bytes;
    cidr.v4 = address->v4;
    int const max_prefix = cidr.v4 ? 32 : 128;
    cidr.prefix = max_prefix;
    if (slash != std::string_view::npos) {
        std::string_view const bits = text.substr(slash + 1);
        int prefix = -1;
        auto [ptr, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), prefix);
        if (bits.empty() || ec != std::errc{} || ptr != bits.data() + bits.size() || prefix < 0
            || prefix > max_prefix) {
            return invalid();
        }
        cidr.prefix = prefix;
    }
    return cidr;
}

Result<std::vector<Cidr>> parse_cidr_list(std::string_view text, std::string const& field)
{
    std::vector<Cidr> list;
    while (!text.empty()) {
        auto const comma = text.find(',');
        std::string_view const item = trim(text.substr(0, comma));
        if (!item.empty()) {
            list.push_back(TRY(parse_cidr(item, field)));
        }
        if (comma == std::string_view::npos) {
            break;
        }
        text.remove_prefix(comma + 1);
    }
    return list;
}

bool cidr_contains(Cidr const& network, std::string_view text)
{
    auto const address = parse_address(text);
    if (!address || address->v4 != network.v4) {
        return false;
    }
    int const full_bytes = network.prefix / 8;
    if (std::memcmp(address->bytes.data(), network.bytes.data(), static_cast<std::size_t>(full_bytes)) != 0) {
        return false;
    }
    int const rest = network.prefix % 8;
    if (rest == 0) {
        return true;
    }
    auto const mask = static_cast<std::uint8_t>(0xff << (8 - rest));
    return (address->bytes[static_cast<std::size_t>(full_bytes)] & mask)
           == (network.bytes[static_cast<std::size_t>(full_bytes)] & mask);
}

std::string client_address(std::string const& peer, std::vector<std::string> const& forwarded_for,
                           std::vector<Cidr> const& trusted)
{
    if (forwarded_for.empty() || !is_trusted(peer, trusted)) {
        return peer;
    }
    std::vector<std::string_view> hops;
    for (auto const& value : forwarded_for) {
        std::string_view rest = value;
        while (true) {
            auto const comma = rest.find(',');
            hops.push_back(trim(rest.substr(0, comma)));
            if (comma == std::string_view::npos) {
                break;
            }
            rest.remove_prefix(comma + 1);
        }
    }
    // From the right: each trusted hop vouches for the entry to its left.
    std::string nearest = peer;
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
        if (!parse_address(*hop)) {
            return nearest;  // garbage where an address should be: stop at the last one vouched for
        }
        if (!is_trusted(*hop, trusted)) {
            return std::string{trim(*hop)};
        }
        nearest = std::string{*hop};
    }
    return nearest;
}

}  // namespace sterk::http
