<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BatchJobBar</name>
    <message numerus="yes">
        <source>A batch job goes to one Codestral endpoint: %n targets are checked in Compare.</source>
        <translation>
            <numerusform>A batch job goes to one Codestral endpoint: %n target is checked in Compare.</numerusform>
            <numerusform>A batch job goes to one Codestral endpoint: %n targets are checked in Compare.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CandidateSet</name>
    <message numerus="yes">
        <source> · %n coming</source>
        <translation>
            <numerusform> · %n coming</numerusform>
            <numerusform> · %n coming</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n same folded</source>
        <translation>
            <numerusform> · %n same folded</numerusform>
            <numerusform> · %n same folded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n failed</source>
        <translation>
            <numerusform> · %n failed</numerusform>
            <numerusform> · %n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareColumn</name>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message numerus="yes">
        <source>%n variant(s) checked: check 2 to 4.</source>
        <translation>
            <numerusform>%n variant checked: check 2 to 4.</numerusform>
            <numerusform>%n variants checked: check 2 to 4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Asking %n variant(s) at line %1…</source>
        <translation>
            <numerusform>Asking %n variant at line %1…</numerusform>
            <numerusform>Asking %n variants at line %1…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EndpointDetector</name>
    <message numerus="yes">
        <source>OpenAI-style API, %n model(s)</source>
        <translation>
            <numerusform>OpenAI-style API, %n model</numerusform>
            <numerusform>OpenAI-style API, %n models</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FimComplete</name>
    <message numerus="yes">
        <source>  %n error(s)</source>
        <translation>
            <numerusform>  %n error</numerusform>
            <numerusform>  %n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n case(s)</source>
        <translation>
            <numerusform>%1: %n case</numerusform>
            <numerusform>%1: %n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> × %n endpoint(s)</source>
        <translation>
            <numerusform> × %n endpoint</numerusform>
            <numerusform> × %n endpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>fim-complete: %1: %n case(s) with a test; --run-tests would run them (it runs the model&apos;s code, in a sandbox).
</source>
        <translation>
            <numerusform>fim-complete: %1: %n case with a test; --run-tests would run them (it runs the model&apos;s code, in a sandbox).
</numerusform>
            <numerusform>fim-complete: %1: %n cases with a test; --run-tests would run them (it runs the model&apos;s code, in a sandbox).
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message numerus="yes">
        <source>%n exchange(s).</source>
        <translation>
            <numerusform>%n exchange.</numerusform>
            <numerusform>%n exchanges.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message numerus="yes">
        <source>── As %1 tokenised it: %n token(s) (special tokens in ⟦ ⟧) ──</source>
        <translation>
            <numerusform>── As %1 tokenised it: %n token (special tokens in ⟦ ⟧) ──</numerusform>
            <numerusform>── As %1 tokenised it: %n tokens (special tokens in ⟦ ⟧) ──</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LatencyPanel</name>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LatencyPlot</name>
    <message numerus="yes">
        <source>last %n request(s), up to %1 ms · dashed: their p50 (answered, not cached)</source>
        <translation>
            <numerusform>the last request, up to %1 ms · dashed: its p50 (answered, not cached)</numerusform>
            <numerusform>last %n requests, up to %1 ms · dashed: their p50 (answered, not cached)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelsPanel</name>
    <message numerus="yes">
        <source>%n model(s).</source>
        <translation>
            <numerusform>%n model.</numerusform>
            <numerusform>%n models.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinnedSources</name>
    <message numerus="yes">
        <source>%n file(s) of the editor&apos;s language</source>
        <translation>
            <numerusform>%n file of the editor&apos;s language</numerusform>
            <numerusform>%n files of the editor&apos;s language</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cannot be read</source>
        <translation>
            <numerusform>%n cannot be read</numerusform>
            <numerusform>%n cannot be read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplayNetworkAccess</name>
    <message numerus="yes">
        <source>Not recorded: this prefix and suffix were asked %n time(s) but never answered (the newest: %1).</source>
        <translation>
            <numerusform>Not recorded: this prefix and suffix were asked once but never answered (the newest: %1).</numerusform>
            <numerusform>Not recorded: this prefix and suffix were asked %n times but never answered (the newest: %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replay of %1: %n answered exchange(s)</source>
        <translation>
            <numerusform>Replay of %1: %n answered exchange</numerusform>
            <numerusform>Replay of %1: %n answered exchanges</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SaveCaseDialog</name>
    <message numerus="yes">
        <source>%n character(s) before the cursor and %1 after it, as a request would send them.</source>
        <translation>
            <numerusform>%n character before the cursor and %1 after it, as a request would send them.</numerusform>
            <numerusform>%n characters before the cursor and %1 after it, as a request would send them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message numerus="yes">
        <source>%n suggestion(s) recorded, %1 seen.</source>
        <translation>
            <numerusform>%n suggestion recorded, %1 seen.</numerusform>
            <numerusform>%n suggestions recorded, %1 seen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n row to %1.</numerusform>
            <numerusform>Wrote %n rows to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accepted suggestion(s) measured 30 s after the accept</source>
        <translation>
            <numerusform>%n accepted suggestion measured 30 s after the accept</numerusform>
            <numerusform>%n accepted suggestions measured 30 s after the accept</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusIndicators</name>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln token</numerusform>
            <numerusform>%Ln tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>≈ %Ln token(s)</source>
        <translation>
            <numerusform>≈ %Ln token</numerusform>
            <numerusform>≈ %Ln tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionAnnouncer</name>
    <message numerus="yes">
        <source>Suggestion: %1 (and %n more line(s)). Tab to accept.</source>
        <translation>
            <numerusform>Suggestion: %1 (and %n more line). Tab to accept.</numerusform>
            <numerusform>Suggestion: %1 (and %n more lines). Tab to accept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuiteDialog</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n case(s) against %2</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n case against %2</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n cases against %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Uploading %n case(s) as a batch job…</source>
        <translation>
            <numerusform>Uploading %n case as a batch job…</numerusform>
            <numerusform>Uploading %n cases as a batch job…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenProbabilityView</name>
    <message numerus="yes">
        <source>Token probabilities: %n token(s), the suggestion&apos;s p = %1 (geometric mean); hover a token for its alternatives</source>
        <translation>
            <numerusform>Token probabilities: %n token, the suggestion&apos;s p = %1 (geometric mean); hover a token for its alternatives</numerusform>
            <numerusform>Token probabilities: %n tokens, the suggestion&apos;s p = %1 (geometric mean); hover a token for its alternatives</numerusform>
        </translation>
    </message>
</context>
</TS>
