// What one answer pane asks a model for, and what comes back: the fields of the
// reproducibility record shown under each answer.
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace rrtf {

struct PaneSampling {
    bool greedy = true;
    double temperature = 0.8;  // used when not greedy
    double topP = 0.95;        // used when not greedy
    quint64 seed = 1;
    int maxNewTokens = 256;
    QStringList stopSequences;  // HumanEval's by default (see defaultStopSequences)
};

struct PaneRequest {
    quint64 id = 0;           // unique per run of a pane
    QString promptText;       // the text given to the model, template already applied
    PaneSampling sampling;
    int numSamples = 1;       // samples of this prompt sharing one prefill (sample i: seed stream i)
    bool stream = true;       // send tokensArrived for sample 0
};

struct PaneResult {
    quint64 id = 0;
    QString text;              // the answer (sample 0), cut before a stop sequence
    QStringList texts;         // every sample's answer, in sample order
    QString finishReason;      // length, eos, stop, cancelled, error
    QString error;             // set when the generation failed
    int promptTokens = 0;
    int newTokens = 0;         // of sample 0
    int allNewTokens = 0;      // of every sample together (throughput of an n-sample request)
    double timeToFirstTokenMs = 0;
    double tokensPerSecond = 0;  // new tokens after the first, per second of decoding
    double totalMs = 0;
};

// HumanEval's usual stop sequences (Codex paper; bigcode-evaluation-harness).
QStringList defaultStopSequences();

}  // namespace rrtf

Q_DECLARE_METATYPE(rrtf::PaneRequest)
Q_DECLARE_METATYPE(rrtf::PaneResult)
