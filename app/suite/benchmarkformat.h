#pragma once

#include "suite/promptsuite.h"

#include <QJsonObject>

// Benchmark files read as prompt suites, each line mapped to a SuiteCase. The format of a file is
// that of its first line that is a JSON object, known by the fields only it has:
//
// HumanEval-infilling (fields task_id, entry_point, prompt, suffix, canonical_solution, test):
//   name ← task_id, request.prompt ← prompt, request.suffix ← suffix, expected ← canonical_solution,
//   the test ← test and entry_point (language python; "#" comments for extra context).
// SAFIM (task_id, lang, prompt, eval_prompt, ground_truth, unit_tests):
//   name ← task_id; prompt and suffix ← the parts of "prompt" around the hole SAFIM marks in it
//   ("# TODO: Your code here" in Python, "/* TODO: Your code here */" otherwise), or, without it,
//   of eval_prompt around "{{completion}}"; expected ← ground_truth; the test ← eval_prompt and
//   unit_tests (a list, or a JSON string of one, of {input, output: [strings]}; none: no test,
//   as SAFIM's API completions); language ← lang, which also picks the comment marker.
// CrossCodeEval (task_id, prompt, right_context, groundtruth, metadata {file, ...},
//   crossfile_context {text, list: [{retrieved_chunk, filename, score}]}):
//   name ← task_id, request.prompt ← prompt, request.suffix ← right_context, expected ←
//   groundtruth, request.fileName ← metadata.file, request.extra ← crossfile_context.list, one
//   chunk {filename, retrieved_chunk} each, in reverse (CrossCodeEval ranks the best first; the
//   playground sends the most relevant last, next to the prefix); with no list, its text as one
//   chunk named "crossfile_context". No test.
//
// Fields other than these are ignored (the data sets carry more); a missing or mistyped field is
// a problem with the line's number.
namespace BenchmarkFormat {

enum class Format { Native, HumanEvalInfilling, Safim, CrossCodeEval };

Format detect(const QJsonObject &line);
QString name(Format format); // "HumanEval-infilling", "SAFIM", "CrossCodeEval", "prompt suite"

// A case from a line of a benchmark format (not Native); nullopt with *problem when it cannot be one.
std::optional<SuiteCase> read(Format format, const QJsonObject &line, int number, QString *problem);

} // namespace BenchmarkFormat
