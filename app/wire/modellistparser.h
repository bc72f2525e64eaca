#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

struct ModelInfo
{
    QString id;
    QString ownedBy;
    qint64 created = 0;
    int maxContextLength = 0;     // 0 when not given
    std::optional<bool> fimCapable; // from capabilities.completion_fim (Mistral) or "insert" (Ollama)
    qint64 sizeBytes = 0;           // on disk, when the server says (Ollama)
    QString details;                // family and parameter size, when the server says (Ollama)

    friend bool operator==(const ModelInfo &, const ModelInfo &) = default;
};

struct ModelList
{
    QList<ModelInfo> models;
    bool filteredByCapability = false; // models without completion_fim were left out
    bool builtIn = false;              // not from the server: the fallback list

    // The first model known to fill in the middle, or empty: what a server that needs a model
    // name (Ollama) is sent when the user chose none.
    QString firstFimModel() const
    {
        for (const ModelInfo &m : models)
            if (m.fimCapable == true)
                return m.id;
        return {};
    }
};

// How a model is named on screen: by its file name when the server names it by a file's path
// (llama-server says the .gguf it loaded: "/models/qwen2.5-coder-1.5b-q8_0.gguf"); any other name
// (Ollama's "qwen2.5-coder:1.5b", a Hugging Face "org/model") as it is.
QString modelDisplayName(const QString &model);

namespace ModelListParser {

// Parses an OpenAI-style {"object":"list","data":[...]} (the seed proxy) or Mistral's model cards.
// When capabilities are given, keeps only FIM-capable models.
std::optional<ModelList> parse(QByteArrayView body, QString *error);

// The list used when an endpoint has no model route (codestral.mistral.ai may answer 404).
ModelList builtInCodestralModels();

} // namespace ModelListParser
