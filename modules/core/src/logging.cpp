#include "fliptech/core/logging.h"

Q_LOGGING_CATEGORY(lcCore, "fliptech.core")

namespace fliptech::core {

void installLogFormat()
{
    qSetMessagePattern(QStringLiteral(
        "%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-debug}debug%{endif}%{if-info}info%{endif}"
        "%{if-warning}warning%{endif}%{if-critical}error%{endif}%{if-fatal}fatal%{endif} "
        "%{category}: %{message}"));
}

} // namespace fliptech::core
