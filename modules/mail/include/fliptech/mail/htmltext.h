#pragma once
// HTML as the text it reads (module `mail`: the plain-text alternative of the messages we send,
// and the text of HTML-only messages we receive).

#include <QString>

namespace fliptech::mail {

// The text of an HTML body: paragraphs and line breaks kept, list items as "- ", links as
// "text (url)", scripts and styles left out, entities decoded.
QString htmlToText(const QString &html);

} // namespace fliptech::mail
