#pragma once
// libxml2 set up once, and on each thread that uses it: its messages (an invalid XPath, a parse
// warning, an encoding error) are not printed to stderr; what went wrong is returned instead.
// (Internal to the net module.)

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <mutex>

namespace fliptech::net::detail {

inline void quietLibxml(void *, const char *, ...) {}

inline void initLibxml()
{
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
    thread_local bool silenced = false;
    if (!silenced) {
        xmlSetGenericErrorFunc(nullptr, quietLibxml);
        xmlSetStructuredErrorFunc(nullptr, nullptr);
        silenced = true;
    }
}

} // namespace fliptech::net::detail
