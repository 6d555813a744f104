#include "fliptech/core/validation.h"

#include <QRegularExpression>

namespace fliptech::core {

bool isEmailAddress(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return text.size() <= 254 && re.match(text).hasMatch();
}

} // namespace fliptech::core
