#pragma once
// Sentiment and intent of a reply without any AI provider (issue 12's offline fallback): a
// lexicon model. Words and short phrases carry a weight; a negation ("not", "no", "never",
// "don't", ...) flips the words within the next three; "very", "really" strengthen the next one;
// "but" gives what follows more say. Intent comes from phrase patterns, strongest first:
// an unsubscribe request, not interested, a meeting request, interested, a question.
// Fast enough for every message of a mailbox (tens of thousands a second on one core).

#include <QString>
#include <QStringView>

namespace fliptech::ai {

struct SentimentResult {
    QString label;  // positive, neutral, negative
    double score = 0;      // -1 .. 1
    QString intent;        // interested, not_interested, meeting_request, question, unsubscribe_request, none
    double confidence = 0; // 0 .. 1
};

// The text of `text` that is the reply itself (what the sender wrote above the quoted message).
QStringView replyPart(QStringView text);

// Reads only the reply part (a quoted pitch of ours would otherwise speak for the sender).
SentimentResult classifySentiment(QStringView text);

} // namespace fliptech::ai
