# Writes OUTPUT: a C++ file defining `std::string_view NAMESPACE::FUNCTION()` that returns the
# content of INPUT (used for api/openapi.json, which the server serves at GET /api/openapi.json).
file(READ ${INPUT} data)
file(WRITE ${OUTPUT} "// Generated from ${INPUT} by embed_text.cmake. DO NOT EDIT.\n#include <string_view>\nnamespace ${NAMESPACE} {\nstd::string_view ${FUNCTION}()\n{\n    return R\"STERK_EMBED(${data})STERK_EMBED\";\n}\n}  // namespace ${NAMESPACE}\n")
