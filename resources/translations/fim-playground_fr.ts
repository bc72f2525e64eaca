<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AcceptancePlot</name>
    <message>
        <source>Acceptance over time</source>
        <translation>Acceptation au fil du temps</translation>
    </message>
    <message>
        <source>%1: %2 of %3 accepted</source>
        <translation>%1&#xa0;: %2 acceptées sur %3</translation>
    </message>
    <message>
        <source>No suggestions in this period.</source>
        <translation>Aucune suggestion sur cette période.</translation>
    </message>
    <message>
        <source>Accepted per day (of those seen)</source>
        <translation>Acceptées par jour (parmi celles vues)</translation>
    </message>
    <message>
        <source>No suggestions seen in this period yet.</source>
        <translation>Aucune suggestion vue sur cette période pour l&apos;instant.</translation>
    </message>
    <message>
        <source>%1 % accepted over the period</source>
        <translation>%1 % des suggestions acceptées sur la période</translation>
    </message>
</context>
<context>
    <name>AccessibleWidgets</name>
    <message>
        <source>Latency plot</source>
        <translation>Graphique des latences</translation>
    </message>
    <message>
        <source>Compare column</source>
        <translation>Colonne de comparaison</translation>
    </message>
    <message>
        <source>Variant %1</source>
        <translation>Variante %1</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>Santé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>AnswerCleaner</name>
    <message>
        <source>special token</source>
        <translation>jeton spécial</translation>
    </message>
    <message>
        <source>code fence</source>
        <translation>bloc de code</translation>
    </message>
    <message>
        <source>stop sequence</source>
        <translation>séquence d&apos;arrêt</translation>
    </message>
    <message>
        <source>overlap</source>
        <translation>chevauchement</translation>
    </message>
    <message>
        <source>trailing whitespace</source>
        <translation>espaces en fin de ligne</translation>
    </message>
    <message>
        <source>Removes the model&apos;s own tokens (&lt;|endoftext|&gt;, &lt;|fim_middle|&gt;, &lt;/s&gt;…) that leaked into the answer; an end-of-text token ends it.</source>
        <translation>Retire les jetons propres au modèle (&lt;|endoftext|&gt;, &lt;|fim_middle|&gt;, &lt;/s&gt;…) qui ont fui dans la réponse&#x202f;; un jeton de fin de texte la termine.</translation>
    </message>
    <message>
        <source>Unwraps an answer that came as a Markdown code block (```lang … ```).</source>
        <translation>Déballe une réponse arrivée sous forme de bloc de code Markdown (```lang … ```).</translation>
    </message>
    <message>
        <source>Ends the answer at a stop sequence of the request that the server let through.</source>
        <translation>Coupe la réponse à une séquence d&apos;arrêt de la requête que le serveur a laissée passer.</translation>
    </message>
    <message>
        <source>Drops the end of the answer that repeats the text after the cursor, where it closes what the answer did not open, e.g. a second closing bracket.</source>
        <translation>Supprime la fin de la réponse qui répète le texte après le curseur, là où elle ferme ce que la réponse n&apos;a pas ouvert, par exemple un second crochet fermant.</translation>
    </message>
    <message>
        <source>Removes spaces and tabs at the end of the answer&apos;s lines.</source>
        <translation>Retire les espaces et tabulations en fin de ligne de la réponse.</translation>
    </message>
    <message>
        <source>%1 removed “%2”</source>
        <translation>%1 a retiré «&#xa0;%2&#xa0;»</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>History is off for this session: %1</source>
        <translation>L&apos;historique est désactivé pour cette session&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>BatchClient</name>
    <message>
        <source>The server no longer knows job %1 (404 at %2): it may have been deleted, or it belongs to another key or host.</source>
        <translation>Le serveur ne connaît plus la tâche %1 (404 à %2)&#xa0;: elle a peut-être été supprimée, ou elle appartient à une autre clé ou à un autre hôte.</translation>
    </message>
</context>
<context>
    <name>BatchFile</name>
    <message>
        <source>Case &quot;%1&quot; cannot be sent: %2</source>
        <translation>Le cas «&#xa0;%1&#xa0;» ne peut pas être envoyé&#xa0;: %2</translation>
    </message>
    <message>
        <source>The batch answer could not be read: %1</source>
        <translation>La réponse du batch n&apos;a pas pu être lue&#xa0;: %1</translation>
    </message>
    <message>
        <source>The batch job was cancelled before this case ran.</source>
        <translation>La tâche batch a été annulée avant l&apos;exécution de ce cas.</translation>
    </message>
    <message>
        <source>Batch job %1 timed out before this case ran.</source>
        <translation>La tâche batch %1 a expiré avant l&apos;exécution de ce cas.</translation>
    </message>
    <message>
        <source>Batch job %1 gave no result for this case.</source>
        <translation>La tâche batch %1 n&apos;a donné aucun résultat pour ce cas.</translation>
    </message>
</context>
<context>
    <name>BatchJob</name>
    <message>
        <source>queued</source>
        <translation>en file d&apos;attente</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>being cancelled</source>
        <translation>en cours d&apos;annulation</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>in an unknown state</source>
        <translation>dans un état inconnu</translation>
    </message>
    <message>
        <source>The answer is not a batch job (no &quot;id&quot; and &quot;status&quot;).</source>
        <translation>La réponse n&apos;est pas une tâche batch (pas de «&#xa0;id&#xa0;» ni de «&#xa0;status&#xa0;»).</translation>
    </message>
    <message>
        <source>The batch job names a file whose id is not one (&quot;%1&quot;).</source>
        <translation>La tâche batch nomme un fichier dont l&apos;id n&apos;en est pas un («&#xa0;%1&#xa0;»).</translation>
    </message>
    <message>
        <source>The upload&apos;s answer names no file (no &quot;id&quot;).</source>
        <translation>La réponse à l&apos;envoi ne nomme aucun fichier (pas de «&#xa0;id&#xa0;»).</translation>
    </message>
    <message>
        <source>line %1: not a result line (a JSON object with &quot;custom_id&quot;)</source>
        <translation>ligne %1&#xa0;: pas une ligne de résultat (un objet JSON avec «&#xa0;custom_id&#xa0;»)</translation>
    </message>
</context>
<context>
    <name>BatchJobBar</name>
    <message>
        <source>the history is off</source>
        <translation>l&apos;historique est désactivé</translation>
    </message>
    <message>
        <source>Run as batch job</source>
        <translation>Exécuter en tâche batch</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Cancel Job</source>
        <translation>Annuler la tâche</translation>
    </message>
    <message>
        <source>Follow this job again until it ends, and show its results.</source>
        <translation>Suivre à nouveau cette tâche jusqu&apos;à sa fin, et afficher ses résultats.</translation>
    </message>
    <message>
        <source>Ask Mistral to cancel this job; the answers it has already made are shown.</source>
        <translation>Demander à Mistral d&apos;annuler cette tâche&#x202f;; les réponses déjà produites sont affichées.</translation>
    </message>
    <message>
        <source>Send the suite to Mistral&apos;s Batch API as one job: half the price of single requests, answered within hours rather than seconds, with no latency figures (the columns say &quot;batch&quot;). Run Again starts it.</source>
        <translation>Envoyer la suite à l&apos;API Batch de Mistral en une seule tâche&#xa0;: moitié prix par rapport aux requêtes individuelles, réponses en quelques heures plutôt qu&apos;en quelques secondes, sans chiffres de latence (les colonnes indiquent «&#xa0;batch&#xa0;»). Relancer la démarre.</translation>
    </message>
    <message numerus="yes">
        <source>A batch job goes to one Codestral endpoint: %n targets are checked in Compare.</source>
        <translation>
            <numerusform>Une tâche batch va à un seul endpoint Codestral&#xa0;: %n cible est cochée dans Comparaison.</numerusform>
            <numerusform>Une tâche batch va à un seul endpoint Codestral&#xa0;: %n cibles sont cochées dans Comparaison.</numerusform>
        </translation>
    </message>
    <message>
        <source>A batch job goes to one Codestral endpoint (Mistral&apos;s Batch API).</source>
        <translation>Une tâche batch va à un seul endpoint Codestral (l&apos;API Batch de Mistral).</translation>
    </message>
    <message>
        <source>Batch jobs are Mistral&apos;s Batch API: only a Codestral endpoint has it, and “%1” is %2. Choose a Codestral profile (or check one Codestral variant in Compare).</source>
        <translation>Les tâches batch passent par l&apos;API Batch de Mistral&#xa0;: seul un endpoint Codestral la propose, et «&#xa0;%1&#xa0;» est de type %2. Choisissez un profil Codestral (ou cochez une variante Codestral dans Comparaison).</translation>
    </message>
    <message>
        <source>The job is not kept (%1): it cannot be resumed after the playground quits.</source>
        <translation>La tâche n&apos;est pas conservée (%1)&#xa0;: elle ne pourra pas être reprise après la fermeture du playground.</translation>
    </message>
    <message>
        <source>Batch job %1 of %2 (%3, %4) is %5: %6 of %7 requests done.</source>
        <translation>La tâche batch %1 de %2 (%3, %4) est %5&#xa0;: %6 requêtes sur %7 effectuées.</translation>
    </message>
    <message>
        <source>Another batch job is being followed: Resume once it ends.</source>
        <translation>Une autre tâche batch est en cours de suivi&#xa0;: cliquez sur Reprendre une fois qu&apos;elle est terminée.</translation>
    </message>
</context>
<context>
    <name>BatchJobStore</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot write to %1: %2</source>
        <translation>Impossible d&apos;écrire dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot delete from %1: %2</source>
        <translation>Impossible de supprimer dans %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>BatchRun</name>
    <message>
        <source>Batch jobs are Mistral&apos;s: &quot;%1&quot; is a %2 endpoint, not Codestral (kind codestral, api.mistral.ai).</source>
        <translation>Les tâches batch sont propres à Mistral&#xa0;: «&#xa0;%1&#xa0;» est un endpoint %2, pas Codestral (type codestral, api.mistral.ai).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no API key: set it in Settings or in %2.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;a pas de clé d&apos;API&#xa0;: définissez-la dans les Paramètres ou dans %2.</translation>
    </message>
    <message>
        <source>The suite has no case to run.</source>
        <translation>La suite n&apos;a aucun cas à exécuter.</translation>
    </message>
    <message>
        <source>Uploading the suite failed: %1</source>
        <translation>L&apos;envoi de la suite a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Creating the batch job failed: %1</source>
        <translation>La création de la tâche batch a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>The suite of job %1 cannot be read (%2: %3): its answers cannot be matched to cases.</source>
        <translation>La suite de la tâche %1 ne peut pas être lue (%2&#xa0;: %3)&#xa0;: ses réponses ne peuvent pas être associées aux cas.</translation>
    </message>
    <message>
        <source>%1 has changed since job %2 was made from it: its answers can no longer be matched to the cases.</source>
        <translation>%1 a changé depuis que la tâche %2 en a été créée&#xa0;: ses réponses ne peuvent plus être associées aux cas.</translation>
    </message>
    <message>
        <source>Job %1 is not kept whole in the history (%2).</source>
        <translation>La tâche %1 n&apos;est pas conservée en entier dans l&apos;historique (%2).</translation>
    </message>
    <message>
        <source>no endpoint URL</source>
        <translation>pas d&apos;URL d&apos;endpoint</translation>
    </message>
    <message>
        <source>Following batch job %1 failed: %2</source>
        <translation>Le suivi de la tâche batch %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>Batch job %1 %2%3.</source>
        <translation>La tâche batch %1 est %2%3.</translation>
    </message>
    <message>
        <source>Reading the results of batch job %1 failed: %2</source>
        <translation>La lecture des résultats de la tâche batch %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>Reading the error file of batch job %1 failed: %2</source>
        <translation>La lecture du fichier d&apos;erreurs de la tâche batch %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>Lines of the results could not be read: %1</source>
        <translation>Des lignes des résultats n&apos;ont pas pu être lues&#xa0;: %1</translation>
    </message>
    <message>
        <source>Batch job %1 %2 after %3 of %4 requests%5.</source>
        <translation>La tâche batch %1 est %2 après %3 requêtes sur %4%5.</translation>
    </message>
    <message>
        <source>Cancelled before the batch job was made.</source>
        <translation>Annulé avant la création de la tâche batch.</translation>
    </message>
    <message>
        <source>Cancelling batch job %1 failed: %2</source>
        <translation>L&apos;annulation de la tâche batch %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>Creating the batch job failed: %1. The server may have made it all the same: look at the jobs in Mistral&apos;s console before you run the suite again.</source>
        <translation>La création de la tâche batch a échoué&#xa0;: %1. Le serveur l&apos;a peut-être créée malgré tout&#xa0;: regardez les tâches dans la console de Mistral avant de relancer la suite.</translation>
    </message>
</context>
<context>
    <name>CandidateSet</name>
    <message numerus="yes">
        <source> · %n coming</source>
        <translation>
            <numerusform> · %n à venir</numerusform>
            <numerusform> · %n à venir</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n same folded</source>
        <translation>
            <numerusform> · %n identique regroupé</numerusform>
            <numerusform> · %n identiques regroupés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n failed</source>
        <translation>
            <numerusform> · %n en échec</numerusform>
            <numerusform> · %n en échec</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodeEditor</name>
    <message>
        <source>Code editor</source>
        <translation>Éditeur de code</translation>
    </message>
</context>
<context>
    <name>CompareColumn</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Insérer</translation>
    </message>
    <message>
        <source>Stop this column&apos;s request</source>
        <translation>Arrêter la requête de cette colonne</translation>
    </message>
    <message>
        <source>first token %1 ms</source>
        <translation>premier jeton %1 ms</translation>
    </message>
    <message>
        <source>total %1 ms</source>
        <translation>total %1 ms</translation>
    </message>
    <message>
        <source>server&apos;s generation time</source>
        <translation>temps de génération du serveur</translation>
    </message>
    <message>
        <source>client, first token to last</source>
        <translation>client, du premier au dernier jeton</translation>
    </message>
    <message>
        <source>client, whole request</source>
        <translation>client, requête entière</translation>
    </message>
    <message>
        <source>%1 tok/s (%2)</source>
        <translation>%1 jetons/s (%2)</translation>
    </message>
    <message>
        <source>no finish reason</source>
        <translation>aucune raison de fin</translation>
    </message>
    <message>
        <source>%1 (previous run)</source>
        <translation>%1 (exécution précédente)</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>Requête en cours…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>(an empty answer)</source>
        <translation>(une réponse vide)</translation>
    </message>
    <message>
        <source>waiting for %1…</source>
        <translation>en attente de %1…</translation>
    </message>
    <message>
        <source>reading the key…</source>
        <translation>lecture de la clé…</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Put this answer in the editor where its run was asked (one undo step)</source>
        <translation>Mettre cette réponse dans l&apos;éditeur, là où son exécution a été demandée (une seule étape d&apos;annulation)</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n jeton</numerusform>
            <numerusform>%n jetons</numerusform>
        </translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Against the expected answer: exact match (trailing white space aside), first-line exact match, edit similarity ×100, chrF ×100, identifier exact match and identifier F1 ×100</source>
        <translation>Face à la réponse attendue&#xa0;: correspondance exacte (aux espaces de fin près), correspondance exacte de la première ligne, similarité d&apos;édition ×100, chrF ×100, correspondance exacte des identifiants et F1 des identifiants ×100</translation>
    </message>
    <message>
        <source>Answer of %1</source>
        <translation>Réponse de %1</translation>
    </message>
    <message>
        <source>Stop the request of %1</source>
        <translation>Arrêter la requête de %1</translation>
    </message>
    <message>
        <source>Insert the answer of %1 in the editor</source>
        <translation>Insérer la réponse de %1 dans l&apos;éditeur</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>Run</source>
        <extracomment>Button (verb): run the checked variants</extracomment>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Previous run</source>
        <translation>Exécution précédente</translation>
    </message>
    <message>
        <source>Saved variants: check 2 to 4 to run them side by side</source>
        <translation>Variantes enregistrées&#xa0;: cochez-en 2 à 4 pour les exécuter côte à côte</translation>
    </message>
    <message>
        <source>Save Current…</source>
        <translation>Enregistrer l&apos;actuelle…</translation>
    </message>
    <message>
        <source>Save the active profile with the toolbar&apos;s model and parameters as a variant</source>
        <translation>Enregistrer le profil actif avec le modèle et les paramètres de la barre d&apos;outils comme variante</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove the selected variant</source>
        <translation>Supprimer la variante sélectionnée</translation>
    </message>
    <message>
        <source>Send the cursor&apos;s prefix and suffix to the checked variants (Ctrl+Alt+Return)</source>
        <translation>Envoyer le préfixe et le suffixe du curseur aux variantes cochées (Ctrl+Alt+Entrée)</translation>
    </message>
    <message>
        <source>0, 0.2, 0.5, 0.8</source>
        <translation>0, 0.2, 0.5, 0.8</translation>
    </message>
    <message>
        <source>2 to 4 values; the current settings with each of them make the columns (Enter runs)</source>
        <translation>2 à 4 valeurs&#x202f;; les paramètres actuels avec chacune d&apos;elles forment les colonnes (Entrée lance)</translation>
    </message>
    <message>
        <source>Sweep</source>
        <extracomment>Button (verb): run one parameter over several values</extracomment>
        <translation>Balayage</translation>
    </message>
    <message>
        <source>Show the run before the last one, to set them against each other</source>
        <translation>Afficher l&apos;exécution d&apos;avant la dernière, pour les mettre face à face</translation>
    </message>
    <message>
        <source>The cursor&apos;s prefix and suffix, sent to several variants at once, side by side here.

Save Current… keeps the active profile with the toolbar&apos;s model and parameters as a variant; check 2 to 4 and Run (Ctrl+Alt+Return).
Or sweep one parameter: type 2 to 4 values, e.g. 0, 0.2, 0.5, 0.8, and press Enter.</source>
        <translation>Le préfixe et le suffixe du curseur, envoyés à plusieurs variantes à la fois, côte à côte ici.

Enregistrer l&apos;actuelle… garde le profil actif avec le modèle et les paramètres de la barre d&apos;outils comme variante&#x202f;; cochez-en 2 à 4 puis Exécuter (Ctrl+Alt+Entrée).
Ou balayez un paramètre&#xa0;: tapez 2 à 4 valeurs, par exemple 0, 0.2, 0.5, 0.8, puis appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>default model</source>
        <translation>modèle par défaut</translation>
    </message>
    <message>
        <source>Save Variant</source>
        <translation>Enregistrer la variante</translation>
    </message>
    <message>
        <source>Name of the variant (the active endpoint with the toolbar&apos;s model and parameters):</source>
        <translation>Nom de la variante (l&apos;endpoint actif avec le modèle et les paramètres de la barre d&apos;outils)&#xa0;:</translation>
    </message>
    <message>
        <source>none, pinned, ring, all (or file)</source>
        <translation>none, pinned, ring, all (ou file)</translation>
    </message>
    <message>
        <source>two to four model names</source>
        <translation>deux à quatre noms de modèles</translation>
    </message>
    <message>
        <source>Every column failed; the first said: %1</source>
        <translation>Toutes les colonnes ont échoué&#x202f;; la première a dit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Run done: each column&apos;s request is in the latency panel and the inspector.</source>
        <translation>Exécution terminée&#xa0;: la requête de chaque colonne figure dans le panneau Latence et dans l&apos;inspecteur.</translation>
    </message>
    <message>
        <source>A variant needs a name.</source>
        <translation>Une variante doit avoir un nom.</translation>
    </message>
    <message>
        <source>“%1” cannot be saved: its endpoint “%2” is no profile and has no usable URL (%3)</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être enregistrée&#xa0;: son endpoint «&#xa0;%2&#xa0;» n&apos;est pas un profil et n&apos;a pas d&apos;URL utilisable (%3)</translation>
    </message>
    <message>
        <source>Saved variant “%1”.</source>
        <translation>Variante «&#xa0;%1&#xa0;» enregistrée.</translation>
    </message>
    <message>
        <source>Check 2 to 4 variants to compare (Save Current… makes one from the toolbar), or run a sweep.</source>
        <translation>Cochez 2 à 4 variantes à comparer (Enregistrer l&apos;actuelle… en crée une depuis la barre d&apos;outils), ou lancez un balayage.</translation>
    </message>
    <message numerus="yes">
        <source>%n variant(s) checked: check 2 to 4.</source>
        <translation>
            <numerusform>%n variante cochée&#xa0;: cochez-en 2 à 4.</numerusform>
            <numerusform>%n variantes cochées&#xa0;: cochez-en 2 à 4.</numerusform>
        </translation>
    </message>
    <message>
        <source>sweep: %1</source>
        <translation>balayage&#xa0;: %1</translation>
    </message>
    <message>
        <source>Compare: %1</source>
        <translation>Comparaison&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Asking %n variant(s) at line %1…</source>
        <translation>
            <numerusform>Requête à %n variante à la ligne %1…</numerusform>
            <numerusform>Requête à %n variantes à la ligne %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>This run was asked in another document.</source>
        <translation>Cette exécution a été demandée dans un autre document.</translation>
    </message>
    <message>
        <source>The text before the place this run was asked has changed since, so its answer may not fit there any more. Undo the change, or run again.</source>
        <translation>Le texte qui précède l&apos;endroit où cette exécution a été demandée a changé depuis&#xa0;: sa réponse risque de ne plus y convenir. Annulez la modification, ou relancez l&apos;exécution.</translation>
    </message>
    <message>
        <source>Inserted the answer of “%1” (Ctrl+Z takes it out).</source>
        <translation>Réponse de «&#xa0;%1&#xa0;» insérée (Ctrl+Z la retire).</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Variantes</translation>
    </message>
    <message>
        <source>Sweep parameter</source>
        <translation>Paramètre du balayage</translation>
    </message>
    <message>
        <source>Sweep values</source>
        <translation>Valeurs du balayage</translation>
    </message>
    <message>
        <source> Expected: the answer of the case “%1”.</source>
        <translation> Attendu&#xa0;: la réponse du cas «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>CompletionFeedback</name>
    <message>
        <source>asking %1…</source>
        <translation>requête à %1…</translation>
    </message>
    <message>
        <source>from the cache</source>
        <translation>depuis le cache</translation>
    </message>
    <message>
        <source>The last suggestion was shown from the playground&apos;s cache: the same text around the cursor was answered before. No request went out.</source>
        <translation>La dernière suggestion venait du cache du playground&#xa0;: le même texte autour du curseur avait déjà reçu une réponse. Aucune requête n&apos;est partie.</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>asked ahead</source>
        <translation>demandée à l&apos;avance</translation>
    </message>
    <message>
        <source>candidate %1 of %2</source>
        <translation>candidat %1 sur %2</translation>
    </message>
    <message>
        <source>The model suggested nothing at this position.</source>
        <translation>Le modèle n&apos;a rien suggéré à cette position.</translation>
    </message>
    <message>
        <source>max_tokens (%1) cut this answer: raise it in the toolbar to see more.</source>
        <translation>max_tokens (%1) a coupé cette réponse&#xa0;: augmentez-le dans la barre d&apos;outils pour en voir plus.</translation>
    </message>
</context>
<context>
    <name>CompletionParser</name>
    <message>
        <source>The answer is not valid JSON (%1 at byte %2).</source>
        <translation>La réponse n&apos;est pas du JSON valide (%1 à l&apos;octet %2).</translation>
    </message>
    <message>
        <source>The answer is JSON but not an object.</source>
        <translation>La réponse est du JSON mais pas un objet.</translation>
    </message>
    <message>
        <source>The answer has no choices: it does not look like a FIM completion.</source>
        <translation>La réponse n&apos;a pas de choices&#xa0;: elle ne ressemble pas à une complétion FIM.</translation>
    </message>
    <message>
        <source>choices[0].message.content is not a string.</source>
        <translation>choices[0].message.content n&apos;est pas une chaîne.</translation>
    </message>
    <message>
        <source>The first choice has neither message.content nor text.</source>
        <translation>Le premier choix n&apos;a ni message.content ni text.</translation>
    </message>
    <message>
        <source>The stream carried an error.</source>
        <translation>Le flux transportait une erreur.</translation>
    </message>
    <message>
        <source>A stream event has no choices.</source>
        <translation>Un événement du flux n&apos;a pas de choices.</translation>
    </message>
</context>
<context>
    <name>CompletionScores</name>
    <message>
        <source>EM %1 · line %2 · ES %3 · chrF %4 · id EM %5 · id F1 %6</source>
        <translation>EM %1 · ligne %2 · ES %3 · chrF %4 · EM id %5 · F1 id %6</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>Health: %1%2 (%3 ms).</source>
        <translation>Santé&#xa0;: %1%2 (%3 ms).</translation>
    </message>
    <message>
        <source>Model: %1.</source>
        <translation>Modèle&#xa0;: %1.</translation>
    </message>
    <message>
        <source>No model list: %1</source>
        <translation>Pas de liste de modèles&#xa0;: %1</translation>
    </message>
    <message>
        <source>Completion: &quot;%1&quot; in %2 ms.</source>
        <translation>Complétion&#xa0;: «&#xa0;%1&#xa0;» en %2 ms.</translation>
    </message>
    <message>
        <source>Completion failed: %1</source>
        <translation>Échec de la complétion&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ContextCollector</name>
    <message>
        <source>llama-server gets the chunks as input_extra of /infill and builds the repository prompt itself; the inspector shows the prompt it reports.</source>
        <translation>llama-server reçoit les fragments dans le champ input_extra de /infill et construit lui-même le prompt du dépôt&#x202f;; l&apos;inspecteur montre le prompt qu&apos;il rapporte.</translation>
    </message>
    <message>
        <source>The %1 template writes the chunks in the model&apos;s repository format (&lt;file_sep&gt; per file).</source>
        <translation>Le gabarit %1 écrit les fragments dans le format de dépôt du modèle (&lt;file_sep&gt; par fichier).</translation>
    </message>
    <message>
        <source>Codestral has no field for extra context: the chunks go before the prompt as comments with their file names.</source>
        <translation>Codestral n&apos;a pas de champ pour le contexte supplémentaire&#xa0;: les fragments passent avant le prompt, en commentaires avec leurs noms de fichiers.</translation>
    </message>
    <message>
        <source>This server gets the chunks as comments with their file names before the prompt.</source>
        <translation>Ce serveur reçoit les fragments en commentaires avec leurs noms de fichiers, avant le prompt.</translation>
    </message>
</context>
<context>
    <name>ContextItem</name>
    <message>
        <source>pinned</source>
        <translation>épinglé</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source>copied</source>
        <translation>copié</translation>
    </message>
    <message>
        <source>cursor jump</source>
        <translation>saut du curseur</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
</context>
<context>
    <name>ContextPanel</name>
    <message>
        <source>&amp;Warm llama-server&apos;s cache</source>
        <translation>Pré&amp;chauffer le cache de llama-server</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>É&amp;pingler</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Chunk</source>
        <translation>Fragment</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Last request</source>
        <translation>Dernière requête</translation>
    </message>
    <message>
        <source>Extra context chunks</source>
        <translation>Fragments de contexte supplémentaire</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> jetons</translation>
    </message>
    <message>
        <source>At most this many tokens of extra context (estimated, 4 characters a token); never more than the server&apos;s context leaves beside prefix, suffix and the answer.</source>
        <translation>Au plus ce nombre de jetons de contexte supplémentaire (estimé à 4 caractères par jeton)&#x202f;; jamais plus que ce que le contexte du serveur laisse à côté du préfixe, du suffixe et de la réponse.</translation>
    </message>
    <message>
        <source>Context budget</source>
        <translation>Budget de contexte</translation>
    </message>
    <message>
        <source>When the context changes and typing pauses for a second, llama-server evaluates the next request&apos;s prompt ahead (n_predict 0, marked &quot;warm-up&quot; in the latency table), so the next completion starts from its cache (the Cached column).</source>
        <translation>Quand le contexte change et que la frappe marque une pause d&apos;une seconde, llama-server évalue à l&apos;avance le prompt de la prochaine requête (n_predict 0, marquée «&#xa0;warm-up&#xa0;» dans le tableau des latences), si bien que la complétion suivante part de son cache (la colonne Cached).</translation>
    </message>
    <message>
        <source>Pin &amp;File…</source>
        <translation>Épingler un &amp;fichier…</translation>
    </message>
    <message>
        <source>Pin Fol&amp;der…</source>
        <translation>Épingler un &amp;dossier…</translation>
    </message>
    <message>
        <source>Send a file&apos;s text with every request (also: drop files or folders here)</source>
        <translation>Envoyer le texte d&apos;un fichier avec chaque requête (ou déposez ici des fichiers ou des dossiers)</translation>
    </message>
    <message>
        <source>Send a folder&apos;s files of the editor&apos;s language with every request</source>
        <translation>Envoyer avec chaque requête les fichiers d&apos;un dossier dans le langage de l&apos;éditeur</translation>
    </message>
    <message>
        <source>Pin the file this chunk comes from</source>
        <translation>Épingler le fichier d&apos;où vient ce fragment</translation>
    </message>
    <message>
        <source>Unpin, or drop the chunk from the ring</source>
        <translation>Désépingler, ou retirer le fragment de l&apos;anneau</translation>
    </message>
    <message>
        <source>Open the chunk&apos;s file at its first line</source>
        <translation>Ouvrir le fichier du fragment à sa première ligne</translation>
    </message>
    <message>
        <source>Budget:</source>
        <translation>Budget&#xa0;:</translation>
    </message>
    <message>
        <source>Pinned files and folders</source>
        <translation>Fichiers et dossiers épinglés</translation>
    </message>
    <message>
        <source>Recent edits of this file</source>
        <translation>Modifications récentes de ce fichier</translation>
    </message>
    <message>
        <source>Ring (opened, saved, copied, cursor jumps)</source>
        <translation>Anneau (ouverts, enregistrés, copiés, sauts du curseur)</translation>
    </message>
    <message>
        <source>Unchecked: this source sends nothing</source>
        <translation>Décochée&#xa0;: cette source n&apos;envoie rien</translation>
    </message>
    <message>
        <source>%1, lines %2–%3</source>
        <translation>%1, lignes %2–%3</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>left out: %1</source>
        <translation>laissé de côté&#xa0;: %1</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>non demandé</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Pinned files and folders (%1)</source>
        <translation>Fichiers et dossiers épinglés (%1)</translation>
    </message>
    <message>
        <source>Recent edits of this file (%1)</source>
        <translation>Modifications récentes de ce fichier (%1)</translation>
    </message>
    <message>
        <source>Ring: opened, saved, copied, cursor jumps (%1 of %2 chunks)</source>
        <translation>Anneau&#xa0;: ouverts, enregistrés, copiés, sauts du curseur (%1 fragments sur %2)</translation>
    </message>
    <message>
        <source>No request yet. Pin files (or drop them here), copy code, jump around: the next request carries what fits the budget.</source>
        <translation>Aucune requête pour l&apos;instant. Épinglez des fichiers (ou déposez-les ici), copiez du code, déplacez-vous&#xa0;: la prochaine requête emporte ce qui tient dans le budget.</translation>
    </message>
    <message>
        <source>Last request: chunks sent: %1, ≈ %2 of %3 tokens; left out: %4</source>
        <translation>Dernière requête&#xa0;: fragments envoyés&#xa0;: %1, ≈ %2 jetons sur %3&#x202f;; laissés de côté&#xa0;: %4</translation>
    </message>
</context>
<context>
    <name>ContextSelection</name>
    <message>
        <source>over the budget</source>
        <translation>au-delà du budget</translation>
    </message>
    <message>
        <source>like the text around the cursor</source>
        <translation>semblable au texte autour du curseur</translation>
    </message>
    <message>
        <source>in the text sent already</source>
        <translation>déjà dans le texte envoyé</translation>
    </message>
</context>
<context>
    <name>DockLayout</name>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <source>Request inspector</source>
        <translation>Inspecteur de requêtes</translation>
    </message>
    <message>
        <source>Health</source>
        <extracomment>Panel title: whether the endpoint is up (ok, degraded, down), as in a health check</extracomment>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Compare</source>
        <extracomment>Panel title: answers of several variants side by side</extracomment>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Stats</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>Context</source>
        <extracomment>Panel title: the extra context (files, chunks) sent beside prefix and suffix</extracomment>
        <translation>Contexte</translation>
    </message>
</context>
<context>
    <name>EditorKeys</name>
    <message>
        <source>Ask for a completion at the cursor</source>
        <translation>Demander une complétion au curseur</translation>
    </message>
    <message>
        <source>Ask again without the cache</source>
        <translation>Redemander sans le cache</translation>
    </message>
    <message>
        <source>Ask for several candidates at once</source>
        <translation>Demander plusieurs candidats à la fois</translation>
    </message>
    <message>
        <source>Stop the request in flight (no suggestion shown)</source>
        <translation>Arrêter la requête en cours (aucune suggestion affichée)</translation>
    </message>
    <message>
        <source>Accept the whole suggestion (one undo step)</source>
        <translation>Accepter toute la suggestion (une seule étape d&apos;annulation)</translation>
    </message>
    <message>
        <source>Accept the suggestion&apos;s first line</source>
        <translation>Accepter la première ligne de la suggestion</translation>
    </message>
    <message>
        <source>Accept the suggestion&apos;s next word</source>
        <translation>Accepter le mot suivant de la suggestion</translation>
    </message>
    <message>
        <source>Dismiss the suggestion</source>
        <translation>Écarter la suggestion</translation>
    </message>
    <message>
        <source>Show the next candidate</source>
        <translation>Afficher le candidat suivant</translation>
    </message>
    <message>
        <source>Show the previous candidate</source>
        <translation>Afficher le candidat précédent</translation>
    </message>
</context>
<context>
    <name>EditorSettingsPage</name>
    <message>
        <source>Adaptive: learnt from your typing and the endpoint</source>
        <translation>Adaptatif&#xa0;: appris de votre frappe et de l&apos;endpoint</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Fixe</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>The wait after the last key when fixed; the adaptive debounce starts from it</source>
        <translation>L&apos;attente après la dernière touche en mode fixe&#x202f;; l&apos;anti-rebond adaptatif part de cette valeur</translation>
    </message>
    <message>
        <source>Ask automatically when typing pauses</source>
        <translation>Demander automatiquement quand la frappe marque une pause</translation>
    </message>
    <message>
        <source>Ask ahead for what follows a suggestion, so the next one shows at once after Tab</source>
        <translation>Demander à l&apos;avance la suite d&apos;une suggestion, pour que la suivante s&apos;affiche aussitôt après Tab</translation>
    </message>
    <message>
        <source>Show confidence: shade each token of the ghost text by its probability</source>
        <translation>Afficher la confiance&#xa0;: ombrer chaque jeton du texte fantôme selon sa probabilité</translation>
    </message>
    <message>
        <source>Where the server gives token probabilities (llama.cpp, OpenAI-style servers); also View ▸ Show Confidence</source>
        <translation>Là où le serveur donne les probabilités des jetons (llama.cpp, serveurs de style OpenAI)&#x202f;; aussi Affichage ▸ Afficher la confiance</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>A suggestion whose probability (the geometric mean of its tokens&apos;) is below this is not drawn; the latency table marks it. A streamed one is drawn once complete.</source>
        <translation>Une suggestion dont la probabilité (la moyenne géométrique de celles de ses jetons) est inférieure à ce seuil n&apos;est pas affichée&#x202f;; le tableau des latences la signale. Une suggestion en streaming s&apos;affiche une fois complète.</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> Kio</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> lignes</translation>
    </message>
    <message>
        <source>no line limit</source>
        <translation>pas de limite de lignes</translation>
    </message>
    <message>
        <source>Follow system (light/dark)</source>
        <translation>Suivre le système (clair/sombre)</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>system size</source>
        <translation>taille du système</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>Debounce:</source>
        <translation>Anti-rebond&#xa0;:</translation>
    </message>
    <message>
        <source>Fixed wait:</source>
        <translation>Attente fixe&#xa0;:</translation>
    </message>
    <message>
        <source>Adaptive wait:</source>
        <translation>Attente adaptative&#xa0;:</translation>
    </message>
    <message>
        <source>Hide suggestions below p:</source>
        <translation>Masquer les suggestions sous p&#xa0;:</translation>
    </message>
    <message>
        <source>Context before the cursor:</source>
        <translation>Contexte avant le curseur&#xa0;:</translation>
    </message>
    <message>
        <source>Context after the cursor:</source>
        <translation>Contexte après le curseur&#xa0;:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Thème&#xa0;:</translation>
    </message>
    <message>
        <source>Font:</source>
        <translation>Police&#xa0;:</translation>
    </message>
    <message>
        <source>Shortest adaptive wait</source>
        <translation>Attente adaptative la plus courte</translation>
    </message>
    <message>
        <source>Longest adaptive wait</source>
        <translation>Attente adaptative la plus longue</translation>
    </message>
    <message>
        <source>Lines of context before the cursor</source>
        <translation>Lignes de contexte avant le curseur</translation>
    </message>
    <message>
        <source>Lines of context after the cursor</source>
        <translation>Lignes de contexte après le curseur</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Taille de police</translation>
    </message>
</context>
<context>
    <name>Endpoint</name>
    <message>
        <source>Proxy (the seed Worker or ours)</source>
        <translation>Proxy (le Worker d&apos;origine ou le nôtre)</translation>
    </message>
    <message>
        <source>Codestral (Mistral API)</source>
        <translation>Codestral (API Mistral)</translation>
    </message>
    <message>
        <source>llama.cpp (llama-server /infill)</source>
        <translation>llama.cpp (llama-server /infill)</translation>
    </message>
    <message>
        <source>Ollama (/api/generate)</source>
        <translation>Ollama (/api/generate)</translation>
    </message>
    <message>
        <source>OpenAI-style /v1/completions</source>
        <translation>/v1/completions de style OpenAI</translation>
    </message>
    <message>
        <source>Replay from the history (no network)</source>
        <translation>Rejeu depuis l&apos;historique (sans réseau)</translation>
    </message>
    <message>
        <source>The URL is empty.</source>
        <translation>L&apos;URL est vide.</translation>
    </message>
    <message>
        <source>The URL is not valid: %1</source>
        <translation>L&apos;URL n&apos;est pas valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>A replay endpoint&apos;s URL is replay://history.</source>
        <translation>L&apos;URL d&apos;un endpoint de rejeu est replay://history.</translation>
    </message>
    <message>
        <source>The URL must start with http:// or https://.</source>
        <translation>L&apos;URL doit commencer par http:// ou https://.</translation>
    </message>
    <message>
        <source>The URL has no host name.</source>
        <translation>L&apos;URL n&apos;a pas de nom d&apos;hôte.</translation>
    </message>
    <message>
        <source>The URL must not have a query (?...) or a fragment (#...).</source>
        <translation>L&apos;URL ne doit avoir ni requête (?...) ni fragment (#...).</translation>
    </message>
</context>
<context>
    <name>EndpointDetector</name>
    <message>
        <source>FIM proxy</source>
        <translation>proxy FIM</translation>
    </message>
    <message numerus="yes">
        <source>OpenAI-style API, %n model(s)</source>
        <translation>
            <numerusform>API de style OpenAI, %n modèle</numerusform>
            <numerusform>API de style OpenAI, %n modèles</numerusform>
        </translation>
    </message>
    <message>
        <source>Mistral&apos;s API</source>
        <translation>API de Mistral</translation>
    </message>
    <message>
        <source>a Mistral-style FIM API (/v1/fim/completions)</source>
        <translation>une API FIM de style Mistral (/v1/fim/completions)</translation>
    </message>
    <message>
        <source>llama-server, loading the model</source>
        <translation>llama-server, chargement du modèle</translation>
    </message>
    <message>
        <source>%1 lists models at /v1/models, but neither /v1/fim/completions nor /v1/completions is there (404): no FIM route to send to.</source>
        <translation>%1 liste des modèles sur /v1/models, mais ni /v1/fim/completions ni /v1/completions n&apos;y sont (404)&#xa0;: aucune route FIM où envoyer.</translation>
    </message>
    <message>
        <source>Nothing at %1 answers like a FIM server (tried /api/version, /props, /health, /v1/models).</source>
        <translation>Rien à %1 ne répond comme un serveur FIM (essayé&#xa0;: /api/version, /props, /health, /v1/models).</translation>
    </message>
    <message>
        <source>No FIM server answers at %1: %2</source>
        <translation>Aucun serveur FIM ne répond à %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>EndpointNotices</name>
    <message>
        <source>all at once</source>
        <translation>tout d&apos;un coup</translation>
    </message>
    <message>
        <source>at their original pace</source>
        <translation>à leur rythme d&apos;origine</translation>
    </message>
    <message>
        <source>%1× their original pace</source>
        <translation>à %1× leur rythme d&apos;origine</translation>
    </message>
    <message>
        <source>&lt;b&gt;Replaying from the history: these answers are not live.&lt;/b&gt; Each comes from an exchange recorded earlier with the same prefix, suffix, model and parameters, %1; nothing goes on the network. Choose another endpoint in the toolbar for live answers.</source>
        <translation>&lt;b&gt;Rejeu depuis l&apos;historique&#xa0;: ces réponses ne sont pas en direct.&lt;/b&gt; Chacune vient d&apos;un échange enregistré plus tôt avec les mêmes préfixe, suffixe, modèle et paramètres, %1&#x202f;; rien ne passe par le réseau. Choisissez un autre endpoint dans la barre d&apos;outils pour des réponses en direct.</translation>
    </message>
    <message>
        <source>Replaying answers from the history (%1).</source>
        <translation>Rejeu des réponses depuis l&apos;historique (%1).</translation>
    </message>
    <message>
        <source>&lt;b&gt;No API key for %1.&lt;/b&gt; Store it in &lt;i&gt;Edit ▸ Settings ▸ Endpoints&lt;/i&gt;, or start with &lt;code&gt;%2=… packaging/devenv run&lt;/code&gt;.%3</source>
        <translation>&lt;b&gt;Pas de clé d&apos;API pour %1.&lt;/b&gt; Enregistrez-la dans &lt;i&gt;Édition ▸ Paramètres ▸ Endpoints&lt;/i&gt;, ou lancez avec &lt;code&gt;%2=… packaging/devenv run&lt;/code&gt;.%3</translation>
    </message>
    <message>
        <source>No API key for %1.</source>
        <translation>Pas de clé d&apos;API pour %1.</translation>
    </message>
    <message>
        <source>Using %1 (%2).</source>
        <translation>Utilisation de %1 (%2).</translation>
    </message>
    <message>
        <source>The proxy has no Codestral API key: the notice above the editor says how to give it one.</source>
        <translation>Le proxy n&apos;a pas de clé d&apos;API Codestral&#xa0;: l&apos;avis au-dessus de l&apos;éditeur explique comment lui en donner une.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The proxy at %1 has no Codestral API key&lt;/b&gt;, so it cannot complete. Either start the playground with the key in the proxy&apos;s environment: &lt;code&gt;CODESTRAL_API_KEY=… packaging/devenv run&lt;/code&gt;, or choose the &lt;i&gt;Codestral&lt;/i&gt; profile and store the key in &lt;i&gt;Edit ▸ Settings ▸ Endpoints&lt;/i&gt;.</source>
        <translation>&lt;b&gt;Le proxy à %1 n&apos;a pas de clé d&apos;API Codestral&lt;/b&gt;, il ne peut donc pas compléter. Soit lancez le playground avec la clé dans l&apos;environnement du proxy&#xa0;: &lt;code&gt;CODESTRAL_API_KEY=… packaging/devenv run&lt;/code&gt;, soit choisissez le profil &lt;i&gt;Codestral&lt;/i&gt; et enregistrez la clé dans &lt;i&gt;Édition ▸ Paramètres ▸ Endpoints&lt;/i&gt;.</translation>
    </message>
</context>
<context>
    <name>ErrorParser</name>
    <message>
        <source>Invalid API key for %1%2. Check the key in Settings or CODESTRAL_API_KEY; keys for codestral.mistral.ai and api.mistral.ai are not interchangeable.</source>
        <translation>Clé d&apos;API non valide pour %1%2. Vérifiez la clé dans les Paramètres ou CODESTRAL_API_KEY&#x202f;; les clés de codestral.mistral.ai et d&apos;api.mistral.ai ne sont pas interchangeables.</translation>
    </message>
    <message>
        <source>%1 refused the request as unauthorized (HTTP %2)%3. Set the endpoint&apos;s token in Settings or FIM_PROXY_TOKEN.</source>
        <translation>%1 a refusé la requête comme non autorisée (HTTP %2)%3. Définissez le jeton de l&apos;endpoint dans les Paramètres ou FIM_PROXY_TOKEN.</translation>
    </message>
    <message>
        <source>Rate limit reached at %1%2. Try again in %3 s.</source>
        <translation>Limite de débit atteinte à %1%2. Réessayez dans %3 s.</translation>
    </message>
    <message>
        <source>Rate limit reached at %1%2. Wait a moment before the next request.</source>
        <translation>Limite de débit atteinte à %1%2. Attendez un moment avant la prochaine requête.</translation>
    </message>
    <message>
        <source>%1 refused the request&apos;s parameters (HTTP %2)%3. Check the request parameters.</source>
        <translation>%1 a refusé les paramètres de la requête (HTTP %2)%3. Vérifiez les paramètres de la requête.</translation>
    </message>
    <message>
        <source>The request is too large for %1 (HTTP 413)%2. Lower the context limits in Settings.</source>
        <translation>La requête est trop grande pour %1 (HTTP 413)%2. Réduisez les limites de contexte dans les Paramètres.</translation>
    </message>
    <message>
        <source>Not found at %1 (HTTP 404)%2. Check the endpoint&apos;s URL and kind.</source>
        <translation>Introuvable à %1 (HTTP 404)%2. Vérifiez l&apos;URL et le type de l&apos;endpoint.</translation>
    </message>
    <message>
        <source>%1 timed out waiting for the model (HTTP 504)%2. Try again.</source>
        <translation>%1 a expiré en attendant le modèle (HTTP 504)%2. Réessayez.</translation>
    </message>
    <message>
        <source>Server error at %1 (HTTP %2)%3. Try again later.</source>
        <translation>Erreur du serveur à %1 (HTTP %2)%3. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2%3.</source>
        <translation>%1 a répondu HTTP %2%3.</translation>
    </message>
</context>
<context>
    <name>ExchangeResender</name>
    <message>
        <source>That request went to %1; switch to its profile to send it again.</source>
        <translation>Cette requête est allée à %1&#x202f;; passez à son profil pour la renvoyer.</translation>
    </message>
    <message>
        <source>Sending the edited request…</source>
        <translation>Envoi de la requête modifiée…</translation>
    </message>
    <message>
        <source>The edited request was answered in %1 ms (%2): see the inspector.</source>
        <translation>La requête modifiée a reçu une réponse en %1 ms (%2)&#xa0;: voir l&apos;inspecteur.</translation>
    </message>
    <message>
        <source>no finish reason</source>
        <translation>aucune raison de fin</translation>
    </message>
    <message>
        <source>The edited request failed: %1</source>
        <translation>La requête modifiée a échoué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ExpectedAnswerEdit</name>
    <message>
        <source>Expected answer</source>
        <translation>Réponse attendue</translation>
    </message>
    <message>
        <source>Optional: each column scores its answer against it (EM, ES, chrF, identifier F1)</source>
        <translation>Facultatif&#xa0;: chaque colonne évalue sa réponse par rapport à elle (EM, ES, chrF, F1 des identifiants)</translation>
    </message>
    <message>
        <source>Expected answer (optional): each column then shows EM, ES, chrF and identifier F1</source>
        <translation>Réponse attendue (facultative)&#xa0;: chaque colonne affiche alors EM, ES, chrF et F1 des identifiants</translation>
    </message>
    <message>
        <source>What the answer should be. Taken from a case you saved at this place (Save Cursor as Case…), or typed here; each column scores its answer against it.</source>
        <translation>Ce que devrait être la réponse. Reprise d&apos;un cas enregistré à cet endroit (Enregistrer le curseur comme cas…), ou saisie ici&#x202f;; chaque colonne évalue sa réponse par rapport à elle.</translation>
    </message>
</context>
<context>
    <name>ExtraContext</name>
    <message>
        <source>no extra context</source>
        <translation>pas de contexte supplémentaire</translation>
    </message>
    <message>
        <source>this file only</source>
        <translation>ce fichier seulement</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>épinglé</translation>
    </message>
    <message>
        <source>ring</source>
        <translation>anneau</translation>
    </message>
    <message>
        <source>all context</source>
        <translation>tout le contexte</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>%1 mixes line breaks (%2 CRLF, %3 LF, %4 CR); saving writes %5 everywhere.</source>
        <translation>%1 mélange les fins de ligne (%2 CRLF, %3 LF, %4 CR)&#x202f;; l&apos;enregistrement écrit %5 partout.</translation>
    </message>
    <message>
        <source>%1 does not exist yet; Save creates it.</source>
        <translation>%1 n&apos;existe pas encore&#x202f;; Enregistrer le crée.</translation>
    </message>
    <message>
        <source>Characters would be lost</source>
        <translation>Des caractères seraient perdus</translation>
    </message>
    <message>
        <source>Save as UTF-8</source>
        <translation>Enregistrer en UTF-8</translation>
    </message>
    <message>
        <source>Save as %1, losing them</source>
        <translation>Enregistrer en %1, en les perdant</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>ligne %1, colonne %2</translation>
    </message>
    <message>
        <source>%1 cannot hold every character of %2 (the first is at %3). Save it as UTF-8 instead?</source>
        <translation>%1 ne peut pas contenir tous les caractères de %2 (le premier est à %3). L&apos;enregistrer plutôt en UTF-8&#x202f;?</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Impossible d&apos;enregistrer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Ouvrir un fichier</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 a des modifications non enregistrées. Les enregistrer&#x202f;?</translation>
    </message>
    <message>
        <source>The file of the last session could not be read, so it was not reopened. %1</source>
        <translation>Le fichier de la dernière session n&apos;a pas pu être lu, il n&apos;a donc pas été rouvert. %1</translation>
    </message>
    <message>
        <source>The session could not be saved: %1</source>
        <translation>La session n&apos;a pas pu être enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>FIM Playground</source>
        <translation>FIM Playground</translation>
    </message>
</context>
<context>
    <name>FimBackend</name>
    <message>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
    <message>
        <source>The profile&apos;s custom template cannot be used: %1</source>
        <translation>Le gabarit personnalisé du profil ne peut pas être utilisé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The profile builds the prompt from a template chosen by the model&apos;s name, but no model is chosen. Pick a model in the toolbar or a template in Settings ▸ Endpoints.</source>
        <translation>Le profil construit le prompt à partir d&apos;un gabarit choisi d&apos;après le nom du modèle, mais aucun modèle n&apos;est choisi. Choisissez un modèle dans la barre d&apos;outils ou un gabarit dans Paramètres ▸ Endpoints.</translation>
    </message>
    <message>
        <source>The model name &quot;%1&quot; does not tell which FIM template it needs. Pick one in Settings ▸ Endpoints ▸ Prompt.</source>
        <translation>Le nom de modèle «&#xa0;%1&#xa0;» ne dit pas de quel gabarit FIM il a besoin. Choisissez-en un dans Paramètres ▸ Endpoints ▸ Prompt.</translation>
    </message>
    <message>
        <source>The profile names a template &quot;%1&quot; that does not exist. Pick one in Settings ▸ Endpoints ▸ Prompt.</source>
        <translation>Le profil nomme un gabarit «&#xa0;%1&#xa0;» qui n&apos;existe pas. Choisissez-en un dans Paramètres ▸ Endpoints ▸ Prompt.</translation>
    </message>
    <message>
        <source>%1 refused the request as unauthorized (HTTP %2)%3. Set the endpoint&apos;s API key in Settings or %4.</source>
        <translation>%1 a refusé la requête comme non autorisée (HTTP %2)%3. Définissez la clé d&apos;API de l&apos;endpoint dans les Paramètres ou %4.</translation>
    </message>
</context>
<context>
    <name>FimClient</name>
    <message>
        <source>No complete answer from %1 within %2 s. Raise the total timeout in Settings ▸ Network, or try a smaller max_tokens.</source>
        <translation>Pas de réponse complète de %1 en %2 s. Augmentez le délai total dans Paramètres ▸ Réseau, ou essayez un max_tokens plus petit.</translation>
    </message>
    <message>
        <source>Could not connect to %1 within %2 s. Is the server running and reachable? (Connect timeout: Settings ▸ Network.)</source>
        <translation>Impossible de se connecter à %1 en %2 s. Le serveur tourne-t-il et est-il joignable&#x202f;? (Délai de connexion&#xa0;: Paramètres ▸ Réseau.)</translation>
    </message>
    <message>
        <source>%1 accepted the request but sent no answer within %2 s. (First byte timeout: Settings ▸ Network.)</source>
        <translation>%1 a accepté la requête mais n&apos;a envoyé aucune réponse en %2 s. (Délai du premier octet&#xa0;: Paramètres ▸ Réseau.)</translation>
    </message>
    <message>
        <source>%1 stopped sending for %2 s in the middle of the answer. (Idle timeout: Settings ▸ Network.)</source>
        <translation>%1 a cessé d&apos;envoyer pendant %2 s au milieu de la réponse. (Délai d&apos;inactivité&#xa0;: Paramètres ▸ Réseau.)</translation>
    </message>
    <message>
        <source>Could not connect to %1 (connection refused). Is the proxy running? &quot;packaging/devenv run&quot; starts the local proxy with the playground; &quot;npm run dev&quot; in proxy/ starts it alone.</source>
        <translation>Impossible de se connecter à %1 (connexion refusée). Le proxy tourne-t-il&#x202f;? «&#xa0;packaging/devenv run&#xa0;» lance le proxy local avec le playground&#x202f;; «&#xa0;npm run dev&#xa0;» dans proxy/ le lance seul.</translation>
    </message>
    <message>
        <source>Could not connect to %1 (connection refused). Is llama-server running? Start it with: llama-server --port %2 -m MODEL.gguf</source>
        <translation>Impossible de se connecter à %1 (connexion refusée). llama-server tourne-t-il&#x202f;? Lancez-le avec&#xa0;: llama-server --port %2 -m MODEL.gguf</translation>
    </message>
    <message>
        <source>Could not connect to %1 (connection refused). Is Ollama running? Start it with: ollama serve</source>
        <translation>Impossible de se connecter à %1 (connexion refusée). Ollama tourne-t-il&#x202f;? Lancez-le avec&#xa0;: ollama serve</translation>
    </message>
    <message>
        <source>Could not connect to %1 (connection refused).</source>
        <translation>Impossible de se connecter à %1 (connexion refusée).</translation>
    </message>
    <message>
        <source>Host %1 not found. Check the endpoint URL and your network connection.</source>
        <translation>Hôte %1 introuvable. Vérifiez l&apos;URL de l&apos;endpoint et votre connexion réseau.</translation>
    </message>
    <message>
        <source>%1 closed the connection before the answer was complete (%2 bytes arrived).</source>
        <translation>%1 a fermé la connexion avant que la réponse soit complète (%2 octets reçus).</translation>
    </message>
    <message>
        <source>%1 closed the connection without answering.</source>
        <translation>%1 a fermé la connexion sans répondre.</translation>
    </message>
    <message>
        <source>The connection to %1 timed out.</source>
        <translation>La connexion à %1 a expiré.</translation>
    </message>
    <message>
        <source>TLS error talking to %1: %2. Check the URL&apos;s scheme and the server&apos;s certificate.</source>
        <translation>Erreur TLS en dialoguant avec %1&#xa0;: %2. Vérifiez le schéma de l&apos;URL et le certificat du serveur.</translation>
    </message>
    <message>
        <source>%1 sent no HTTP status.</source>
        <translation>%1 n&apos;a envoyé aucun statut HTTP.</translation>
    </message>
    <message>
        <source>Network error talking to %1: %2</source>
        <translation>Erreur réseau en dialoguant avec %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>FimComplete</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Sends one fill-in-the-middle request and prints the completion.
The secret comes from CODESTRAL_API_KEY (kind codestral), FIM_PROXY_TOKEN (kind proxy) or
FIM_API_KEY (kinds llamacpp, ollama, openai).</source>
        <translation>Envoie une requête fill-in-the-middle et affiche la complétion.
Le secret vient de CODESTRAL_API_KEY (type codestral), FIM_PROXY_TOKEN (type proxy) ou
FIM_API_KEY (types llamacpp, ollama, openai).</translation>
    </message>
    <message>
        <source>Base URL (default: $FIM_ENDPOINT or http://127.0.0.1:8787).</source>
        <translation>URL de base (par défaut&#xa0;: $FIM_ENDPOINT ou http://127.0.0.1:8787).</translation>
    </message>
    <message>
        <source>codestral, proxy, llamacpp, ollama, openai, replay (answers from the history, no network), or auto to ask the server (default: codestral for *.mistral.ai, else proxy).</source>
        <translation>codestral, proxy, llamacpp, ollama, openai, replay (réponses tirées de l&apos;historique, sans réseau), ou auto pour interroger le serveur (par défaut&#xa0;: codestral pour *.mistral.ai, sinon proxy).</translation>
    </message>
    <message>
        <source>Build the prompt with a FIM template (kinds llamacpp, ollama, openai): qwen, codegemma, starcoder, deepseek, codellama, codestral, auto (from the model&apos;s name), or a template FILE (JSON {&quot;template&quot;, &quot;stop&quot;} or plain text with {prefix} and {suffix}).</source>
        <translation>Construire le prompt avec un gabarit FIM (types llamacpp, ollama, openai)&#xa0;: qwen, codegemma, starcoder, deepseek, codellama, codestral, auto (d&apos;après le nom du modèle), ou un FICHIER de gabarit (JSON {&quot;template&quot;, &quot;stop&quot;} ou texte brut avec {prefix} et {suffix}).</translation>
    </message>
    <message>
        <source>Print the prompt as the model would read it (or, when the server builds it, the request body) and send nothing.</source>
        <translation>Afficher le prompt tel que le modèle le lirait (ou, quand le serveur le construit, le corps de la requête) et ne rien envoyer.</translation>
    </message>
    <message>
        <source>Model name.</source>
        <translation>Nom du modèle.</translation>
    </message>
    <message>
        <source>Text before the cursor.</source>
        <translation>Texte avant le curseur.</translation>
    </message>
    <message>
        <source>Read the prefix from a file (- for stdin).</source>
        <translation>Lire le préfixe depuis un fichier (- pour l&apos;entrée standard).</translation>
    </message>
    <message>
        <source>Text after the cursor.</source>
        <translation>Texte après le curseur.</translation>
    </message>
    <message>
        <source>Read the suffix from a file.</source>
        <translation>Lire le suffixe depuis un fichier.</translation>
    </message>
    <message>
        <source>max_tokens (default %1, as the playground sends; without a limit llama-server writes until its context is full).</source>
        <translation>max_tokens (par défaut %1, comme l&apos;envoie le playground&#x202f;; sans limite, llama-server écrit jusqu&apos;à remplir son contexte).</translation>
    </message>
    <message>
        <source>min_tokens.</source>
        <translation>min_tokens.</translation>
    </message>
    <message>
        <source>temperature.</source>
        <translation>temperature.</translation>
    </message>
    <message>
        <source>top_p.</source>
        <translation>top_p.</translation>
    </message>
    <message>
        <source>A stop sequence (repeatable).</source>
        <translation>Une séquence d&apos;arrêt (répétable).</translation>
    </message>
    <message>
        <source>random_seed.</source>
        <translation>random_seed.</translation>
    </message>
    <message>
        <source>Ask for a streamed (SSE) answer; print text as it arrives.</source>
        <translation>Demander une réponse en streaming (SSE)&#x202f;; afficher le texte au fur et à mesure.</translation>
    </message>
    <message>
        <source>Print one JSON object per request: text, finish reason, status, usage, timings.</source>
        <translation>Afficher un objet JSON par requête&#xa0;: texte, raison de fin, statut, usage, timings.</translation>
    </message>
    <message>
        <source>Send the request N times, one after another (for benchmarks).</source>
        <translation>Envoyer la requête N fois, l&apos;une après l&apos;autre (pour les benchmarks).</translation>
    </message>
    <message>
        <source>Total timeout per request in milliseconds (default 60000).</source>
        <translation>Délai total par requête en millisecondes (par défaut 60000).</translation>
    </message>
    <message>
        <source>Write every exchange to the playground&apos;s history (history.sqlite; the key is never written).</source>
        <translation>Écrire chaque échange dans l&apos;historique du playground (history.sqlite&#x202f;; la clé n&apos;y est jamais écrite).</translation>
    </message>
    <message>
        <source>The history file for --record and --kind replay (default: $XDG_DATA_HOME/fim-playground/history.sqlite).</source>
        <translation>Le fichier d&apos;historique pour --record et --kind replay (par défaut&#xa0;: $XDG_DATA_HOME/fim-playground/history.sqlite).</translation>
    </message>
    <message>
        <source>--kind replay: how much faster than recorded the answer comes (default 1; 0: at once).</source>
        <translation>--kind replay&#xa0;: combien de fois plus vite qu&apos;à l&apos;enregistrement la réponse arrive (par défaut 1&#x202f;; 0&#xa0;: immédiatement).</translation>
    </message>
    <message>
        <source>--suite: requests in flight at once (default 4).</source>
        <translation>--suite&#xa0;: requêtes en vol simultanément (par défaut 4).</translation>
    </message>
    <message>
        <source>--suite: run the cases without their &quot;context&quot;.</source>
        <translation>--suite&#xa0;: exécuter les cas sans leur «&#xa0;context&#xa0;».</translation>
    </message>
    <message>
        <source>--suite: run the cases with their &quot;context&quot;, then without, and print both tables and the difference per metric.</source>
        <translation>--suite&#xa0;: exécuter les cas avec leur «&#xa0;context&#xa0;», puis sans, et afficher les deux tableaux et la différence par métrique.</translation>
    </message>
    <message>
        <source>A file sent as extra context beside prefix and suffix (repeatable), in the server&apos;s form: llama.cpp&apos;s input_extra, a template&apos;s repository format, else comment headers before the prompt.</source>
        <translation>Un fichier envoyé comme contexte supplémentaire à côté du préfixe et du suffixe (répétable), sous la forme du serveur&#xa0;: input_extra de llama.cpp, format de dépôt d&apos;un gabarit, sinon en-têtes en commentaire avant le prompt.</translation>
    </message>
    <message>
        <source>Tokens of extra context at most (estimated, 4 characters a token; default 1024); chunks that do not fit are left out and named.</source>
        <translation>Jetons de contexte supplémentaire au plus (estimés à 4 caractères par jeton&#x202f;; par défaut 1024)&#x202f;; les fragments qui ne tiennent pas sont laissés de côté et nommés.</translation>
    </message>
    <message>
        <source>Check the endpoint&apos;s health as the Health panel does (state, round trip, what the server tells of itself, a proxy member&apos;s usage) and exit 0 when it is OK.</source>
        <translation>Vérifier la santé de l&apos;endpoint comme le fait le panneau Santé (état, aller-retour, ce que le serveur dit de lui-même, l&apos;usage d&apos;un membre du proxy) et sortir avec 0 quand il est OK.</translation>
    </message>
    <message>
        <source>Print what became of the suggestions the playground showed (acceptance, persistence, latency per profile, model, template and context) from the history; with --json, one JSON line per group.</source>
        <translation>Afficher ce que sont devenues les suggestions montrées par le playground (acceptation, persistance, latence par profil, modèle, gabarit et contexte) d&apos;après l&apos;historique&#x202f;; avec --json, une ligne JSON par groupe.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>argument inattendu «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--without-context and --compare-context go with --suite</source>
        <translation>--without-context et --compare-context vont avec --suite</translation>
    </message>
    <message>
        <source>--context does not go with --suite: a suite&apos;s cases carry their own &quot;context&quot;</source>
        <translation>--context ne va pas avec --suite&#xa0;: les cas d&apos;une suite portent leur propre «&#xa0;context&#xa0;»</translation>
    </message>
    <message>
        <source>--without-context and --compare-context exclude each other</source>
        <translation>--without-context et --compare-context s&apos;excluent mutuellement</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Ligne de commande</translation>
    </message>
    <message>
        <source>--kind must be codestral, proxy, llamacpp, ollama, openai, replay or auto</source>
        <translation>--kind doit valoir codestral, proxy, llamacpp, ollama, openai, replay ou auto</translation>
    </message>
    <message>
        <source>--endpoint: %1</source>
        <translation>--endpoint&#xa0;: %1</translation>
    </message>
    <message>
        <source>--speed needs a factor of 0 or more</source>
        <translation>--speed demande un facteur de 0 ou plus</translation>
    </message>
    <message>
        <source>--since goes with --stats</source>
        <translation>--since va avec --stats</translation>
    </message>
    <message>
        <source>--template: &quot;%1&quot; is neither a built-in template nor a file</source>
        <translation>--template&#xa0;: «&#xa0;%1&#xa0;» n&apos;est ni un gabarit intégré ni un fichier</translation>
    </message>
    <message>
        <source>a numeric option has a value that is not a number</source>
        <translation>une option numérique a une valeur qui n&apos;est pas un nombre</translation>
    </message>
    <message>
        <source>--repeat needs a number from 1</source>
        <translation>--repeat demande un nombre à partir de 1</translation>
    </message>
    <message>
        <source>--timeout needs milliseconds</source>
        <translation>--timeout demande des millisecondes</translation>
    </message>
    <message>
        <source>--parallel needs a number from 1 to 64</source>
        <translation>--parallel demande un nombre de 1 à 64</translation>
    </message>
    <message>
        <source>--suite takes one --kind for all endpoints or one per --endpoint (%1 kinds, %2 endpoints)</source>
        <translation>--suite prend un seul --kind pour tous les endpoints ou un par --endpoint (%1 types, %2 endpoints)</translation>
    </message>
    <message>
        <source>--kind auto asks one server; give --suite the kind of each endpoint</source>
        <translation>--kind auto interroge un seul serveur&#x202f;; donnez à --suite le type de chaque endpoint</translation>
    </message>
    <message>
        <source>--endpoint %1: %2</source>
        <translation>--endpoint %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>--template applies to the kinds llamacpp, ollama and openai; %1 builds the prompt itself</source>
        <translation>--template s&apos;applique aux types llamacpp, ollama et openai&#x202f;; %1 construit le prompt lui-même</translation>
    </message>
    <message>
        <source>--context-budget needs a number of tokens, 0 or more</source>
        <translation>--context-budget demande un nombre de jetons, 0 ou plus</translation>
    </message>
    <message>
        <source>--context: &quot;%1&quot; is not a file</source>
        <translation>--context&#xa0;: «&#xa0;%1&#xa0;» n&apos;est pas un fichier</translation>
    </message>
    <message>
        <source>--context: &quot;%1&quot; %2</source>
        <translation>--context&#xa0;: «&#xa0;%1&#xa0;» %2</translation>
    </message>
    <message>
        <source>No --kind was given, so the proxy&apos;s route was asked. For llama-server, Ollama or an OpenAI-style server name its kind (--kind llamacpp, ollama, openai), or let fim-complete ask it: --kind auto.</source>
        <translation>Aucun --kind n&apos;a été donné, la route du proxy a donc été interrogée. Pour llama-server, Ollama ou un serveur de style OpenAI, nommez son type (--kind llamacpp, ollama, openai), ou laissez fim-complete le lui demander&#xa0;: --kind auto.</translation>
    </message>
    <message>
        <source>no history at %1 yet: the playground records suggestions there as you use it</source>
        <translation>pas encore d&apos;historique à %1&#xa0;: le playground y enregistre les suggestions à mesure que vous l&apos;utilisez</translation>
    </message>
    <message>
        <source>No suggestions recorded since %1.</source>
        <translation>Aucune suggestion enregistrée depuis %1.</translation>
    </message>
    <message>
        <source>No suggestions recorded yet.</source>
        <translation>Aucune suggestion enregistrée pour l&apos;instant.</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>profil</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modèle</translation>
    </message>
    <message>
        <source>template</source>
        <translation>gabarit</translation>
    </message>
    <message>
        <source>context</source>
        <translation>contexte</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>vues</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>accept.</translation>
    </message>
    <message>
        <source>whole</source>
        <translation>entières</translation>
    </message>
    <message>
        <source>chars</source>
        <translation>caract.</translation>
    </message>
    <message>
        <source>persist</source>
        <translation>persist.</translation>
    </message>
    <message>
        <source>latency p50/p95</source>
        <translation>latence p50/p95</translation>
    </message>
    <message>
        <source>accepted p50/p95</source>
        <translation>acceptée p50/p95</translation>
    </message>
    <message>
        <source>tok/char</source>
        <translation>jeton/caract.</translation>
    </message>
    <message>
        <source>seen: on screen 750 ms or acted upon; accept: seen ones something was taken of; whole: taken to the end; chars: accepted / seen characters; persist: accepted text still there 30 s later; latency in ms from asking to on screen</source>
        <translation>vues&#xa0;: à l&apos;écran 750 ms ou suivies d&apos;une action&#x202f;; accept.&#xa0;: vues dont quelque chose a été pris&#x202f;; entières&#xa0;: prises jusqu&apos;au bout&#x202f;; caract.&#xa0;: caractères acceptés / vus&#x202f;; persist.&#xa0;: texte accepté encore là 30 s plus tard&#x202f;; latence en ms de la demande à l&apos;affichage</translation>
    </message>
    <message numerus="yes">
        <source>  %n error(s)</source>
        <translation>
            <numerusform>  %n erreur</numerusform>
            <numerusform>  %n erreurs</numerusform>
        </translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>endpoint</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>cas</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>erreurs</translation>
    </message>
    <message>
        <source>first token p50/p95</source>
        <translation>premier jeton p50/p95</translation>
    </message>
    <message>
        <source>total p50/p95</source>
        <translation>total p50/p95</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <source>prefix</source>
        <translation>préfixe</translation>
    </message>
    <message>
        <source>with − without</source>
        <translation>avec − sans</translation>
    </message>
    <message>
        <source>total mean</source>
        <translation>moyenne totale</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n case(s)</source>
        <translation>
            <numerusform>%1&#xa0;: %n cas</numerusform>
            <numerusform>%1&#xa0;: %n cas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> × %n endpoint(s)</source>
        <translation>
            <numerusform> × %n endpoint</numerusform>
            <numerusform> × %n endpoints</numerusform>
        </translation>
    </message>
    <message>
        <source>, without context</source>
        <translation>, sans contexte</translation>
    </message>
    <message>
        <source>, with context</source>
        <translation>, avec contexte</translation>
    </message>
    <message>
        <source>Run a prompt suite (JSONL, one case a line) against every --endpoint given, and print a table per endpoint, and one of the metrics against the expected answers (line EM: first non-empty lines equal; id EM, id F1: identifiers; ES: edit similarity; chrF; the last three ×100, mean (p50/p95)); with --json, one JSON line per case and endpoint.</source>
        <translation>Exécuter une suite de prompts (JSONL, un cas par ligne) sur chaque --endpoint donné, et afficher un tableau par endpoint, ainsi qu&apos;un tableau des métriques face aux réponses attendues (EM ligne&#xa0;: premières lignes non vides égales&#x202f;; EM id, F1 id&#xa0;: identifiants&#x202f;; ES&#xa0;: similarité d&apos;édition&#x202f;; chrF&#x202f;; les trois dernières ×100, moyenne (p50/p95))&#x202f;; avec --json, une ligne JSON par cas et par endpoint.</translation>
    </message>
    <message>
        <source>--stats: only suggestions shown since DATE (2026-12-01, an ISO date-time, or 7d / 12h / 30m before now).</source>
        <translation>--stats&#xa0;: seulement les suggestions montrées depuis DATE (2026-12-01, une date-heure ISO, ou 7d / 12h / 30m avant maintenant).</translation>
    </message>
    <message>
        <source>--run-tests, --test-time-limit and --test-memory go with --suite</source>
        <translation>--run-tests, --test-time-limit et --test-memory vont avec --suite</translation>
    </message>
    <message>
        <source>--stats does not go with --%1</source>
        <translation>--stats ne va pas avec --%1</translation>
    </message>
    <message>
        <source>--since takes a date (2026-12-01), an ISO date-time or 7d / 12h / 30m, not &quot;%1&quot;</source>
        <translation>--since prend une date (2026-12-01), une date-heure ISO ou 7d / 12h / 30m, pas «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>%1 is not a history file FIM Playground can read</source>
        <translation>%1 n&apos;est pas un fichier d&apos;historique que FIM Playground sait lire</translation>
    </message>
    <message>
        <source>%1 was written by a newer FIM Playground (schema %2; this one knows up to %3)</source>
        <translation>%1 a été écrit par un FIM Playground plus récent (schéma %2&#x202f;; celui-ci connaît jusqu&apos;au %3)</translation>
    </message>
    <message>
        <source>pass@1</source>
        <translation>pass@1</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>échecs</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>expirés</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreurs</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>non exécutés</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>batch</translation>
    </message>
    <message>
        <source>scored</source>
        <translation>évalués</translation>
    </message>
    <message>
        <source>line EM</source>
        <translation>EM ligne</translation>
    </message>
    <message>
        <source>id EM</source>
        <translation>EM id</translation>
    </message>
    <message>
        <source>ES</source>
        <translation>ES</translation>
    </message>
    <message>
        <source>id F1</source>
        <translation>F1 id</translation>
    </message>
    <message>
        <source>chrF</source>
        <translation>chrF</translation>
    </message>
    <message>
        <source>scored: answered cases that expect an answer · line EM: first non-empty lines equal
id: identifiers · ES (edit similarity), id F1, chrF: ×100, mean (p50/p95)
</source>
        <translation>évalués&#xa0;: cas avec réponse qui en attendent une · EM ligne&#xa0;: premières lignes non vides égales
id&#xa0;: identifiants · ES (similarité d&apos;édition), F1 id, chrF&#xa0;: ×100, moyenne (p50/p95)
</translation>
    </message>
    <message>
        <source>ES mean (p50/p95)</source>
        <translation>ES moyenne (p50/p95)</translation>
    </message>
    <message>
        <source>id F1 mean (p50/p95)</source>
        <translation>F1 id moyenne (p50/p95)</translation>
    </message>
    <message>
        <source>chrF mean (p50/p95)</source>
        <translation>chrF moyenne (p50/p95)</translation>
    </message>
    <message>
        <source>fim-complete: batch job %1 (fim-complete --batch-resume %1 follows it again, --batch-cancel %1 cancels it)</source>
        <translation>fim-complete: tâche batch %1 (fim-complete --batch-resume %1 la suit à nouveau, --batch-cancel %1 l&apos;annule)</translation>
    </message>
    <message>
        <source>fim-complete: the job is not kept in the history (%1): it cannot be resumed after this run.</source>
        <translation>fim-complete: la tâche n&apos;est pas conservée dans l&apos;historique (%1)&#xa0;: elle ne pourra pas être reprise après cette exécution.</translation>
    </message>
    <message>
        <source>fim-complete: warning: --run-tests runs the code the model wrote (with the cases&apos; tests) on this machine, in a bubblewrap sandbox: no network, read-only system folders, a fresh temporary folder as the only writable place, %1 s and %2 MiB at most per run.
</source>
        <translation>fim-complete: avertissement&#xa0;: --run-tests exécute le code écrit par le modèle (avec les tests des cas) sur cette machine, dans un bac à sable bubblewrap&#xa0;: pas de réseau, dossiers système en lecture seule, un dossier temporaire neuf comme seul emplacement accessible en écriture, au plus %1 s et %2 MiB par exécution.
</translation>
    </message>
    <message numerus="yes">
        <source>fim-complete: %1: %n case(s) with a test; --run-tests would run them (it runs the model&apos;s code, in a sandbox).
</source>
        <translation>
            <numerusform>fim-complete: %1&#xa0;: %n cas avec un test&#x202f;; --run-tests l&apos;exécuterait (il exécute le code du modèle, dans un bac à sable).
</numerusform>
            <numerusform>fim-complete: %1&#xa0;: %n cas avec un test&#x202f;; --run-tests les exécuterait (il exécute le code du modèle, dans un bac à sable).
</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>, one batch job</source>
        <translation>, une tâche batch</translation>
    </message>
    <message>
        <source>--suite: send the suite as one Mistral batch job (kind codestral, one endpoint; half the price, answered within hours, no latency figures). The job is kept in the history (--history): --batch-resume follows it again.</source>
        <translation>--suite&#xa0;: envoyer la suite en une seule tâche batch Mistral (type codestral, un seul endpoint&#x202f;; moitié prix, réponses en quelques heures, sans chiffres de latence). La tâche est conservée dans l&apos;historique (--history)&#xa0;: --batch-resume la suit à nouveau.</translation>
    </message>
    <message>
        <source>Follow a batch job kept in the history to its end and print its suite&apos;s table (its suite, endpoint and model are the job&apos;s; the key from CODESTRAL_API_KEY).</source>
        <translation>Suivre jusqu&apos;à sa fin une tâche batch conservée dans l&apos;historique et afficher le tableau de sa suite (suite, endpoint et modèle sont ceux de la tâche&#x202f;; la clé vient de CODESTRAL_API_KEY).</translation>
    </message>
    <message>
        <source>Cancel a batch job kept in the history (the key from CODESTRAL_API_KEY).</source>
        <translation>Annuler une tâche batch conservée dans l&apos;historique (la clé vient de CODESTRAL_API_KEY).</translation>
    </message>
    <message>
        <source>List the batch jobs kept in the history: id, status, requests done, model, endpoint, suite (with --json, one JSON line each).</source>
        <translation>Lister les tâches batch conservées dans l&apos;historique&#xa0;: id, statut, requêtes effectuées, modèle, endpoint, suite (avec --json, une ligne JSON pour chacune).</translation>
    </message>
    <message>
        <source>--batch, --batch-resume: milliseconds before the first look at the job; each wait is 1.5 times the last, up to a minute (default 2000).</source>
        <translation>--batch, --batch-resume&#xa0;: millisecondes avant la première consultation de la tâche&#x202f;; chaque attente vaut 1,5 fois la précédente, jusqu&apos;à une minute (par défaut 2000).</translation>
    </message>
    <message>
        <source>--batch goes with --suite</source>
        <translation>--batch va avec --suite</translation>
    </message>
    <message>
        <source>--batch-resume follows a kept job with the suite it was made from: leave out --suite</source>
        <translation>--batch-resume suit une tâche conservée avec la suite dont elle est issue&#xa0;: omettez --suite</translation>
    </message>
    <message>
        <source>--batch runs one job: --compare-context would need two; run --batch and --batch --without-context</source>
        <translation>--batch exécute une seule tâche&#xa0;: --compare-context en demanderait deux&#x202f;; lancez --batch puis --batch --without-context</translation>
    </message>
    <message>
        <source>--batch-poll needs milliseconds, 1 or more</source>
        <translation>--batch-poll demande des millisecondes, 1 ou plus</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a batch job id</source>
        <translation>--%1&#xa0;: «&#xa0;%2&#xa0;» n&apos;est pas un id de tâche batch</translation>
    </message>
    <message>
        <source>--batch sends the suite to one endpoint (%1 given)</source>
        <translation>--batch envoie la suite à un seul endpoint (%1 donnés)</translation>
    </message>
    <message>
        <source>--batch uses Mistral&apos;s Batch API, which only Codestral has: %1 is kind %2. Give a Mistral URL (https://api.mistral.ai) and --kind codestral</source>
        <translation>--batch utilise l&apos;API Batch de Mistral, que seul Codestral propose&#xa0;: %1 est de type %2. Donnez une URL Mistral (https://api.mistral.ai) et --kind codestral</translation>
    </message>
    <message>
        <source>The history (%1) keeps no batch job %2 (fim-complete --batch-list lists those it keeps).</source>
        <translation>L&apos;historique (%1) ne conserve aucune tâche batch %2 (fim-complete --batch-list liste celles qu&apos;il conserve).</translation>
    </message>
    <message>
        <source>fim-complete: no batch job in %1.</source>
        <translation>fim-complete: aucune tâche batch dans %1.</translation>
    </message>
    <message>
        <source>%1  %2  %3/%4  %5  %6  %7  %8</source>
        <translation>%1  %2  %3/%4  %5  %6  %7  %8</translation>
    </message>
    <message>
        <source>Cancelling job %1 needs its key in %2.</source>
        <translation>L&apos;annulation de la tâche %1 demande sa clé dans %2.</translation>
    </message>
    <message>
        <source>Cancelling batch job %1 failed: %2</source>
        <translation>L&apos;annulation de la tâche batch %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>fim-complete: batch job %1 is %2 (%3 of %4 requests done).</source>
        <translation>fim-complete: la tâche batch %1 est %2 (%3 requêtes sur %4 effectuées).</translation>
    </message>
    <message>
        <source>--suite: run the tests of cases that have one (HumanEval-infilling, SAFIM) on the answers, for pass@1. This runs the code the model wrote, in a bubblewrap sandbox (no network, a fresh folder, time and memory limits).</source>
        <translation>--suite&#xa0;: exécuter sur les réponses les tests des cas qui en ont un (HumanEval-infilling, SAFIM), pour pass@1. Cela exécute le code écrit par le modèle, dans un bac à sable bubblewrap (pas de réseau, un dossier neuf, des limites de temps et de mémoire).</translation>
    </message>
    <message>
        <source>--run-tests: seconds a test program may run (default 10).</source>
        <translation>--run-tests&#xa0;: secondes pendant lesquelles un programme de test peut s&apos;exécuter (par défaut 10).</translation>
    </message>
    <message>
        <source>--run-tests: MiB of address space a test program may use (default 512).</source>
        <translation>--run-tests&#xa0;: MiB d&apos;espace d&apos;adressage qu&apos;un programme de test peut utiliser (par défaut 512).</translation>
    </message>
    <message>
        <source>--test-time-limit needs seconds, more than 0 and at most 3600</source>
        <translation>--test-time-limit demande des secondes, plus de 0 et au plus 3600</translation>
    </message>
    <message>
        <source>--test-memory needs 16 MiB or more</source>
        <translation>--test-memory demande 16 MiB ou plus</translation>
    </message>
</context>
<context>
    <name>FimReply</name>
    <message>
        <source>The endpoint URL cannot be used: %1</source>
        <translation>L&apos;URL de l&apos;endpoint ne peut pas être utilisée&#xa0;: %1</translation>
    </message>
    <message>
        <source>No API key for %1. Set %2 or store the key in the endpoint&apos;s settings.</source>
        <translation>Pas de clé d&apos;API pour %1. Définissez %2 ou enregistrez la clé dans les paramètres de l&apos;endpoint.</translation>
    </message>
    <message>
        <source>Edited and sent again from the request inspector.</source>
        <translation>Modifiée et renvoyée depuis l&apos;inspecteur de requêtes.</translation>
    </message>
    <message>
        <source>Replayed from the history: %1.</source>
        <translation>Rejouée depuis l&apos;historique&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The answer from %1 would be %2 KiB, more than the %3 KiB allowed.</source>
        <translation>La réponse de %1 ferait %2 Kio, plus que les %3 Kio permis.</translation>
    </message>
    <message>
        <source>The answer from %1 passed %2 KiB and was cut off. The server may be sending an endless body.</source>
        <translation>La réponse de %1 a dépassé %2 Kio et a été coupée. Le serveur envoie peut-être un corps sans fin.</translation>
    </message>
    <message>
        <source>%1 reported an error in the stream: %2</source>
        <translation>%1 a signalé une erreur dans le flux&#xa0;: %2</translation>
    </message>
    <message>
        <source>A stream event from %1 could not be read: %2</source>
        <translation>Un événement du flux de %1 n&apos;a pas pu être lu&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 refused prefix and suffix for %2 (%3): sent again as a raw prompt with the %4 template. Choose it in Settings ▸ Endpoints ▸ Prompt to skip the refusal.</source>
        <translation>%1 a refusé préfixe et suffixe pour %2 (%3)&#xa0;: renvoyé comme prompt brut avec le gabarit %4. Choisissez-le dans Paramètres ▸ Endpoints ▸ Prompt pour éviter le refus.</translation>
    </message>
    <message>
        <source>The answer from %1 could not be read: %2</source>
        <translation>La réponse de %1 n&apos;a pas pu être lue&#xa0;: %2</translation>
    </message>
    <message>
        <source>The stream from %1 ended before the completion was finished%2 (%3 characters arrived).</source>
        <translation>Le flux de %1 s&apos;est terminé avant la fin de la complétion%2 (%3 caractères reçus).</translation>
    </message>
    <message>
        <source>, in the middle of an event</source>
        <translation>, au milieu d&apos;un événement</translation>
    </message>
</context>
<context>
    <name>FimTemplate</name>
    <message>
        <source>The template has no {prefix}: the model would not see the text before the cursor.</source>
        <translation>Le gabarit n&apos;a pas de {prefix}&#xa0;: le modèle ne verrait pas le texte avant le curseur.</translation>
    </message>
    <message>
        <source>The template has no {suffix}: the model would not see the text after the cursor.</source>
        <translation>Le gabarit n&apos;a pas de {suffix}&#xa0;: le modèle ne verrait pas le texte après le curseur.</translation>
    </message>
    <message>
        <source>The template names {prefix} or {suffix} twice.</source>
        <translation>Le gabarit nomme {prefix} ou {suffix} deux fois.</translation>
    </message>
    <message>
        <source>cannot read the template file %1: %2</source>
        <translation>impossible de lire le fichier de gabarit %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is JSON but has no &quot;template&quot; string.</source>
        <translation>%1 est du JSON mais n&apos;a pas de chaîne «&#xa0;template&#xa0;».</translation>
    </message>
</context>
<context>
    <name>FocusCycler</name>
    <message>
        <source>Focus Next Area</source>
        <translation>Aller à la zone suivante</translation>
    </message>
    <message>
        <source>Focus Previous Area</source>
        <translation>Aller à la zone précédente</translation>
    </message>
    <message>
        <source>Move the keyboard to the next panel: editor, docks, toolbar</source>
        <translation>Déplacer le focus clavier vers le panneau suivant&#xa0;: éditeur, panneaux ancrés, barre d&apos;outils</translation>
    </message>
    <message>
        <source>Move the keyboard to the previous panel</source>
        <translation>Déplacer le focus clavier vers le panneau précédent</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Panneaux</translation>
    </message>
</context>
<context>
    <name>HealthMonitor</name>
    <message>
        <source>Usage</source>
        <translation>Consommation</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>à %1</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s.</source>
        <translation>Pas de réponse de %1 en %2 s.</translation>
    </message>
    <message>
        <source>Slow: %1 ms for a health check.</source>
        <translation>Lent&#xa0;: %1 ms pour une vérification de santé.</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <source>Check now</source>
        <translation>Vérifier maintenant</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <source>Last check:</source>
        <translation>Dernière vérification&#xa0;:</translation>
    </message>
    <message>
        <source>Round trip:</source>
        <translation>Aller-retour&#xa0;:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Service&#xa0;:</translation>
    </message>
    <message>
        <source>Server time:</source>
        <translation>Heure du serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Détails&#xa0;:</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Dégradé</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Hors service</translation>
    </message>
    <message>
        <source>Unauthorized</source>
        <translation>Non autorisé</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Pas encore vérifié</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Healthy.</source>
        <translation>En bonne santé.</translation>
    </message>
</context>
<context>
    <name>HistoryActions</name>
    <message>
        <source>Ask Again (History)</source>
        <translation>Redemander (historique)</translation>
    </message>
    <message>
        <source>Asking %1 again what was asked %2…</source>
        <translation>Nouvelle demande à %1 de ce qui a été demandé %2…</translation>
    </message>
    <message>
        <source>Answered again in %1 ms: see the inspector.</source>
        <translation>Nouvelle réponse en %1 ms&#xa0;: voir l&apos;inspecteur.</translation>
    </message>
    <message>
        <source>Asking again failed: %1</source>
        <translation>La nouvelle demande a échoué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Open in Inspector</source>
        <translation>Ouvrir dans l&apos;inspecteur</translation>
    </message>
    <message>
        <source>Ask Again</source>
        <translation>Redemander</translation>
    </message>
    <message>
        <source>Export JSONL…</source>
        <translation>Exporter en JSONL…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>search prefix, suffix, answer</source>
        <translation>chercher dans préfixe, suffixe, réponse</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modèle</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>endpoint</translation>
    </message>
    <message>
        <source>status: ok, error, 429…</source>
        <translation>statut&#xa0;: ok, error, 429…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Total ms</source>
        <translation>Total ms</translation>
    </message>
    <message>
        <source>Prompt (end)</source>
        <translation>Prompt (fin)</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Show the request and its answer in the request inspector (Enter)</source>
        <translation>Afficher la requête et sa réponse dans l&apos;inspecteur de requêtes (Entrée)</translation>
    </message>
    <message>
        <source>Send the same prefix, suffix, model and parameters to the current endpoint</source>
        <translation>Envoyer les mêmes préfixe, suffixe, modèle et paramètres à l&apos;endpoint actuel</translation>
    </message>
    <message>
        <source>Write the selected exchanges as JSON lines</source>
        <translation>Écrire les échanges sélectionnés en lignes JSON</translation>
    </message>
    <message>
        <source>Delete the selected exchanges from the history (Del)</source>
        <translation>Supprimer de l&apos;historique les échanges sélectionnés (Suppr)</translation>
    </message>
    <message>
        <source>Export History</source>
        <translation>Exporter l&apos;historique</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>Lignes JSON (*.jsonl)</translation>
    </message>
    <message>
        <source>History is off (history/enabled in the settings file).</source>
        <translation>L&apos;historique est désactivé (history/enabled dans le fichier de paramètres).</translation>
    </message>
    <message>
        <source>History cannot be read: %1</source>
        <translation>L&apos;historique ne peut pas être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>History is off for this session: %1</source>
        <translation>L&apos;historique est désactivé pour cette session&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>
Asked by %1</source>
        <translation>
Demandé par %1</translation>
    </message>
    <message>
        <source>The newest 1,000 that match.</source>
        <translation>Les 1 000 plus récents qui correspondent.</translation>
    </message>
    <message numerus="yes">
        <source>%n exchange(s).</source>
        <translation>
            <numerusform>%n échange.</numerusform>
            <numerusform>%n échanges.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the exchanges to export first.</source>
        <translation>Sélectionnez d&apos;abord les échanges à exporter.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Rechercher dans l&apos;historique</translation>
    </message>
    <message>
        <source>Matches the prefix, the suffix and the answer</source>
        <translation>Cherche dans le préfixe, le suffixe et la réponse</translation>
    </message>
    <message>
        <source>Filter by model</source>
        <translation>Filtrer par modèle</translation>
    </message>
    <message>
        <source>Filter by endpoint</source>
        <translation>Filtrer par endpoint</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrer par statut</translation>
    </message>
    <message>
        <source>ok, error, or an HTTP status such as 429</source>
        <translation>ok, error, ou un statut HTTP comme 429</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>Échanges</translation>
    </message>
</context>
<context>
    <name>HistoryRecord</name>
    <message>
        <source>From the history: asked %1 through %2%3.</source>
        <translation>Depuis l&apos;historique&#xa0;: demandé %1 via %2%3.</translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <source>Cannot update %1 to schema 3: %2</source>
        <translation>Impossible de mettre à jour %1 vers le schéma 3&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 was written by a newer FIM Playground (schema %2; this one knows up to %3).</source>
        <translation>%1 a été écrit par un FIM Playground plus récent (schéma %2&#x202f;; celui-ci connaît jusqu&apos;au %3).</translation>
    </message>
    <message>
        <source>Cannot update %1: %2</source>
        <translation>Impossible de mettre à jour %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot update %1 to schema %2: %3</source>
        <translation>Impossible de mettre à jour %1 vers le schéma %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver (QSQLITE) is not installed.</source>
        <translation>Le pilote SQLite de Qt (QSQLITE) n&apos;est pas installé.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 ne peut pas être utilisé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot write to %1: %2</source>
        <translation>Impossible d&apos;écrire dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot prune %1: %2</source>
        <translation>Impossible d&apos;élaguer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot delete from %1: %2</source>
        <translation>Impossible de supprimer dans %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Copy as curl</source>
        <translation>Copier en curl</translation>
    </message>
    <message>
        <source>Edit and Resend…</source>
        <translation>Modifier et renvoyer…</translation>
    </message>
    <message>
        <source>The next request will show here.</source>
        <translation>La prochaine requête s&apos;affichera ici.</translation>
    </message>
    <message>
        <source>Its raw answer or SSE events will show here.</source>
        <translation>Sa réponse brute ou ses événements SSE s&apos;afficheront ici.</translation>
    </message>
    <message>
        <source>The last %1 exchanges, newest first</source>
        <translation>Les %1 derniers échanges, du plus récent au plus ancien</translation>
    </message>
    <message>
        <source>Edit this request&apos;s JSON body, check it and send it again</source>
        <translation>Modifier le corps JSON de cette requête, le vérifier et le renvoyer</translation>
    </message>
    <message>
        <source>── The prompt as the model reads it (as %1 built it) ──</source>
        <translation>── Le prompt tel que le modèle le lit (tel que %1 l&apos;a construit) ──</translation>
    </message>
    <message>
        <source>── The prompt as the model reads it (template %1) ──</source>
        <translation>── Le prompt tel que le modèle le lit (gabarit %1) ──</translation>
    </message>
    <message>
        <source>── The request ──</source>
        <translation>── La requête ──</translation>
    </message>
    <message>
        <source>Asked by: %1</source>
        <translation>Demandé par&#xa0;: %1</translation>
    </message>
    <message>
        <source>── What the editor showed ──</source>
        <translation>── Ce que l&apos;éditeur a affiché ──</translation>
    </message>
    <message>
        <source>── No cleaning rule changed the answer ──</source>
        <translation>── Aucune règle de nettoyage n&apos;a changé la réponse ──</translation>
    </message>
    <message>
        <source>── Cleaning rules that fired (Completion ▸ Cleaning Rules) ──</source>
        <translation>── Règles de nettoyage appliquées (Complétion ▸ Règles de nettoyage) ──</translation>
    </message>
    <message>
        <source>── The raw answer ──</source>
        <translation>── La réponse brute ──</translation>
    </message>
    <message>
        <source>
… %1 KiB more not shown (the history keeps the first 256 KiB)</source>
        <translation>
… %1 Kio de plus non affichés (l&apos;historique garde les 256 premiers Kio)</translation>
    </message>
    <message>
        <source>No HTTP answer: %1
</source>
        <translation>Pas de réponse HTTP&#xa0;: %1
</translation>
    </message>
    <message>
        <source>none came</source>
        <translation>aucune n&apos;est venue</translation>
    </message>
    <message numerus="yes">
        <source>── As %1 tokenised it: %n token(s) (special tokens in ⟦ ⟧) ──</source>
        <translation>
            <numerusform>── Tel que %1 l&apos;a découpé&#xa0;: %n jeton (jetons spéciaux entre ⟦ ⟧) ──</numerusform>
            <numerusform>── Tel que %1 l&apos;a découpé&#xa0;: %n jetons (jetons spéciaux entre ⟦ ⟧) ──</numerusform>
        </translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>Échanges</translation>
    </message>
    <message>
        <source>Request as sent</source>
        <translation>Requête telle qu&apos;envoyée</translation>
    </message>
    <message>
        <source>Answer as received</source>
        <translation>Réponse telle que reçue</translation>
    </message>
</context>
<context>
    <name>LatencyModel</name>
    <message>
        <source>%1 answered (asked for: %2)</source>
        <translation>%1 a répondu (demandé&#xa0;: %2)</translation>
    </message>
    <message>
        <source>the server&apos;s default</source>
        <translation>la valeur par défaut du serveur</translation>
    </message>
    <message>
        <source>Server prompt ms: the server&apos;s own time reading the prompt</source>
        <translation>Prompt serveur ms&#xa0;: le temps propre du serveur pour lire le prompt</translation>
    </message>
    <message>
        <source>Server gen ms: the server&apos;s own time generating the answer</source>
        <translation>Génér. serveur ms&#xa0;: le temps propre du serveur pour générer la réponse</translation>
    </message>
    <message>
        <source>Tok/s: generated tokens per second of the server&apos;s generation time</source>
        <translation>Jetons/s&#xa0;: jetons générés par seconde du temps de génération du serveur</translation>
    </message>
    <message>
        <source>Cached tok: prompt tokens the server took from its cache</source>
        <translation>Jetons en cache&#xa0;: jetons du prompt que le serveur a pris dans son cache</translation>
    </message>
    <message>
        <source>Model: the one that answered when the server says (a .gguf by its file name), else the one asked for</source>
        <translation>Modèle&#xa0;: celui qui a répondu quand le serveur le dit (un .gguf par son nom de fichier), sinon celui demandé</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>First byte ms</source>
        <translation>Premier octet ms</translation>
    </message>
    <message>
        <source>First token ms</source>
        <translation>Premier jeton ms</translation>
    </message>
    <message>
        <source>Total ms</source>
        <translation>Total ms</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Préfixe</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>Suffixe</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Complétion</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Server prompt ms</source>
        <translation>Prompt serveur ms</translation>
    </message>
    <message>
        <source>Server gen ms</source>
        <translation>Génér. serveur ms</translation>
    </message>
    <message>
        <source>Tok/s</source>
        <translation>Jetons/s</translation>
    </message>
    <message>
        <source>Cached tok</source>
        <translation>Jetons en cache</translation>
    </message>
</context>
<context>
    <name>LatencyPanel</name>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export latency history</source>
        <translation>Exporter l&apos;historique des latences</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n requête</numerusform>
            <numerusform>%n requêtes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · of all: total p50 %2 ms, p95 %3 ms · first byte p50 %4 ms · first token p50 %5 ms</source>
        <translation>%1 · sur toutes&#xa0;: total p50 %2 ms, p95 %3 ms · premier octet p50 %4 ms · premier jeton p50 %5 ms</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
</context>
<context>
    <name>LatencyPlot</name>
    <message>
        <source>One bar a request, its height the total time; the darker foot is the time to the first byte.
Blue: answered · green: from the cache · red: failed · grey: cancelled (a keystroke, Esc).</source>
        <translation>Une barre par requête, sa hauteur est le temps total&#x202f;; le pied plus foncé est le temps jusqu&apos;au premier octet.
Bleu&#xa0;: avec réponse · vert&#xa0;: depuis le cache · rouge&#xa0;: échec · gris&#xa0;: annulée (une frappe, Échap).</translation>
    </message>
    <message>
        <source>No requests yet</source>
        <translation>Aucune requête pour l&apos;instant</translation>
    </message>
    <message>
        <source>p50 %1 ms</source>
        <translation>p50 %1 ms</translation>
    </message>
    <message>
        <source>the last request, %1 ms</source>
        <translation>la dernière requête, %1 ms</translation>
    </message>
    <message numerus="yes">
        <source>last %n request(s), up to %1 ms · dashed: their p50 (answered, not cached)</source>
        <translation>
            <numerusform>la dernière requête, jusqu&apos;à %1 ms · tirets&#xa0;: sa p50 (avec réponse, hors cache)</numerusform>
            <numerusform>les %n dernières requêtes, jusqu&apos;à %1 ms · tirets&#xa0;: leur p50 (avec réponse, hors cache)</numerusform>
        </translation>
    </message>
    <message>
        <source>Latency plot</source>
        <translation>Graphique des latences</translation>
    </message>
    <message>
        <source>No requests yet.</source>
        <translation>Aucune requête pour l&apos;instant.</translation>
    </message>
    <message>
        <source>p50 %1 ms, p95 %2 ms (answered, not cached)</source>
        <translation>p50 %1 ms, p95 %2 ms (avec réponse, hors cache)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1, échec</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1, annulée</translation>
    </message>
    <message>
        <source>%1 from the cache</source>
        <translation>%1, depuis le cache</translation>
    </message>
    <message>
        <source>last requests, newest first: %1</source>
        <translation>dernières requêtes, de la plus récente à la plus ancienne&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>LlamaCppBackend</name>
    <message>
        <source>The answer has no &quot;content&quot;: it does not look like llama-server&apos;s.</source>
        <translation>La réponse n&apos;a pas de «&#xa0;content&#xa0;»&#xa0;: elle ne ressemble pas à celle de llama-server.</translation>
    </message>
    <message>
        <source>The model loaded in llama-server at %1 has no FIM tokens, so /infill cannot work (HTTP 501). Start llama-server with a FIM model (Qwen2.5-Coder, StarCoder2, CodeLlama, DeepSeek-Coder), or pick a template in Settings ▸ Endpoints ▸ Prompt to send a raw prompt to /completion.</source>
        <translation>Le modèle chargé dans llama-server à %1 n&apos;a pas de jetons FIM, donc /infill ne peut pas fonctionner (HTTP 501). Lancez llama-server avec un modèle FIM (Qwen2.5-Coder, StarCoder2, CodeLlama, DeepSeek-Coder), ou choisissez un gabarit dans Paramètres ▸ Endpoints ▸ Prompt pour envoyer un prompt brut à /completion.</translation>
    </message>
    <message>
        <source>llama-server at %1 refused the prompt: it is %2 tokens, and its context holds %3 per slot (nothing was truncated, nothing generated). Send less context (a shorter prefix or suffix), or start llama-server with a larger context: -c %4 per slot, times the slots of -np.</source>
        <translation>llama-server à %1 a refusé le prompt&#xa0;: il fait %2 jetons, et son contexte en contient %3 par slot (rien n&apos;a été tronqué, rien généré). Envoyez moins de contexte (un préfixe ou un suffixe plus court), ou lancez llama-server avec un contexte plus grand&#xa0;: -c %4 par slot, multiplié par les slots de -np.</translation>
    </message>
    <message>
        <source>llama-server at %1 is still loading the model (HTTP 503). Wait until the Health panel says ready, then ask again.</source>
        <translation>llama-server à %1 charge encore le modèle (HTTP 503). Attendez que le panneau Santé indique prêt, puis redemandez.</translation>
    </message>
    <message>
        <source>llama-server truncated the prompt (&quot;truncated&quot;: true): it was longer than the context, and the model did not see all of it.</source>
        <translation>llama-server a tronqué le prompt («&#xa0;truncated&#xa0;»&#xa0;: true)&#xa0;: il était plus long que le contexte, et le modèle ne l&apos;a pas vu en entier.</translation>
    </message>
    <message>
        <source>llama-server at %1 is loading the model.</source>
        <translation>llama-server à %1 charge le modèle.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>chargement</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <source>Context (n_ctx)</source>
        <translation>Contexte (n_ctx)</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>Fichier du modèle</translation>
    </message>
    <message>
        <source>Slots</source>
        <translation>Slots</translation>
    </message>
</context>
<context>
    <name>LocalServers</name>
    <message>
        <source>%1 is running at %2: &lt;a href=&quot;%3&quot;&gt;add it as an endpoint&lt;/a&gt;.</source>
        <translation>%1 tourne à %2&#xa0;: &lt;a href=&quot;%3&quot;&gt;l&apos;ajouter comme endpoint&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Ollama (local)</source>
        <translation>Ollama (local)</translation>
    </message>
    <message>
        <source>llama-server :%1</source>
        <translation>llama-server&#xa0;:%1</translation>
    </message>
    <message>
        <source>OpenAI-style :%1</source>
        <translation>Style OpenAI&#xa0;:%1</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Pin File as Context…</source>
        <translation>É&amp;pingler un fichier comme contexte…</translation>
    </message>
    <message>
        <source>Pin Fol&amp;der as Context…</source>
        <translation>Épingler un &amp;dossier comme contexte…</translation>
    </message>
    <message>
        <source>Run S&amp;uite…</source>
        <translation>Exécuter une s&amp;uite…</translation>
    </message>
    <message>
        <source>Run the E&amp;xample Suite (the Four Samples)</source>
        <translation>Exécuter la suite d&apos;e&amp;xemple (les quatre exemples)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Completion</source>
        <translation>Com&amp;plétion</translation>
    </message>
    <message>
        <source>Complete at Cursor	Ctrl+Space</source>
        <translation>Compléter au curseur	Ctrl+Espace</translation>
    </message>
    <message>
        <source>Complete Again, Skipping the Cache	Ctrl+Shift+Space</source>
        <translation>Compléter à nouveau, sans le cache	Ctrl+Maj+Espace</translation>
    </message>
    <message>
        <source>Stop Request	Esc</source>
        <translation>Arrêter la requête	Échap</translation>
    </message>
    <message>
        <source>Complete While Typing</source>
        <translation>Compléter pendant la frappe</translation>
    </message>
    <message>
        <source>Accept Suggestion	Tab</source>
        <translation>Accepter la suggestion	Tab</translation>
    </message>
    <message>
        <source>Accept Line	Shift+Tab</source>
        <translation>Accepter la ligne	Maj+Tab</translation>
    </message>
    <message>
        <source>Accept Word	Ctrl+Right</source>
        <translation>Accepter le mot	Ctrl+Droite</translation>
    </message>
    <message>
        <source>Dismiss	Esc</source>
        <translation>Écarter	Échap</translation>
    </message>
    <message>
        <source>Ask for Candidates	Alt+Space</source>
        <translation>Demander des candidats	Alt+Espace</translation>
    </message>
    <message>
        <source>Next Candidate	Alt+]</source>
        <translation>Candidat suivant	Alt+]</translation>
    </message>
    <message>
        <source>Previous Candidate	Alt+[</source>
        <translation>Candidat précédent	Alt+[</translation>
    </message>
    <message>
        <source>Save Cursor as Case…</source>
        <translation>Enregistrer le curseur comme cas…</translation>
    </message>
    <message>
        <source>Cleaning Rules (This Session)</source>
        <translation>Règles de nettoyage (cette session)</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>E&amp;xemples</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Shade Text Not Sent</source>
        <translation>Estomper le texte non envoyé</translation>
    </message>
    <message>
        <source>Fade the text outside the prefix/suffix window of the last request</source>
        <translation>Estomper le texte hors de la fenêtre préfixe/suffixe de la dernière requête</translation>
    </message>
    <message>
        <source>Show Confidence</source>
        <translation>Afficher la confiance</translation>
    </message>
    <message>
        <source>Shade each token of the ghost text by the probability the server gave it (llama.cpp, OpenAI-style servers)</source>
        <translation>Ombrer chaque jeton du texte fantôme selon la probabilité que le serveur lui a donnée (llama.cpp, serveurs de style OpenAI)</translation>
    </message>
    <message>
        <source>Reset Layout</source>
        <translation>Réinitialiser la disposition</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About FIM Playground</source>
        <translation>À &amp;propos de FIM Playground</translation>
    </message>
    <message>
        <source>About FIM Playground</source>
        <translation>À propos de FIM Playground</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FIM Playground %1&lt;/h3&gt;&lt;p&gt;Try fill-in-the-middle code completion against the Cloudflare Worker proxy or Codestral, and watch latency, health and models.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FIM Playground %1&lt;/h3&gt;&lt;p&gt;Essayez la complétion de code fill-in-the-middle avec le proxy Cloudflare Worker ou Codestral, et observez la latence, la santé et les modèles.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Prompt Suite &amp;Window (Batch Jobs)</source>
        <translation>&amp;Fenêtre des suites de prompts (tâches batch)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 answers again.</source>
        <translation>%1 répond de nouveau.</translation>
    </message>
    <message>
        <source>Model %1 is used from the next request on.</source>
        <translation>Le modèle %1 est utilisé à partir de la prochaine requête.</translation>
    </message>
    <message>
        <source>Compare Variants at Cursor</source>
        <translation>Comparer les variantes au curseur</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Ligne de commande</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Pin Files as Context</source>
        <translation>Épingler des fichiers comme contexte</translation>
    </message>
    <message>
        <source>Pin a Folder as Context</source>
        <translation>Épingler un dossier comme contexte</translation>
    </message>
</context>
<context>
    <name>MistralBackend</name>
    <message>
        <source>codestral.mistral.ai refused the key%1. It takes Codestral keys (console.mistral.ai ▸ Codestral). A general La Plateforme key works only with https://api.mistral.ai: change the URL, or set the Codestral key in Settings or CODESTRAL_API_KEY.</source>
        <translation>codestral.mistral.ai a refusé la clé%1. Il accepte les clés Codestral (console.mistral.ai ▸ Codestral). Une clé générale de La Plateforme ne fonctionne qu&apos;avec https://api.mistral.ai&#xa0;: changez l&apos;URL, ou définissez la clé Codestral dans les Paramètres ou CODESTRAL_API_KEY.</translation>
    </message>
    <message>
        <source>api.mistral.ai refused the key%1. It takes La Plateforme API keys (console.mistral.ai ▸ API keys). A Codestral key works only with https://codestral.mistral.ai: change the URL, or set an API key in Settings or CODESTRAL_API_KEY.</source>
        <translation>api.mistral.ai a refusé la clé%1. Il accepte les clés d&apos;API de La Plateforme (console.mistral.ai ▸ API keys). Une clé Codestral ne fonctionne qu&apos;avec https://codestral.mistral.ai&#xa0;: changez l&apos;URL, ou définissez une clé d&apos;API dans les Paramètres ou CODESTRAL_API_KEY.</translation>
    </message>
    <message>
        <source>%1 answers but has no model list.</source>
        <translation>%1 répond mais n&apos;a pas de liste de modèles.</translation>
    </message>
    <message>
        <source>Nothing to replay yet: the history holds no answered exchange. Ask a live endpoint once, then come back.</source>
        <translation>Rien à rejouer pour l&apos;instant&#xa0;: l&apos;historique ne contient aucun échange avec réponse. Interrogez une fois un endpoint en direct, puis revenez.</translation>
    </message>
    <message>
        <source>The health check says &quot;%1&quot;, not &quot;ok&quot;.</source>
        <translation>La vérification de santé dit «&#xa0;%1&#xa0;», pas «&#xa0;ok&#xa0;».</translation>
    </message>
    <message>
        <source>The health check did not answer with JSON.</source>
        <translation>La vérification de santé n&apos;a pas répondu en JSON.</translation>
    </message>
    <message>
        <source>The proxy has no Codestral API key: completions fail until it gets one.</source>
        <translation>Le proxy n&apos;a pas de clé d&apos;API Codestral&#xa0;: les complétions échouent tant qu&apos;il n&apos;en a pas.</translation>
    </message>
    <message>
        <source>%1 (no daily quota)</source>
        <translation>%1 (pas de quota journalier)</translation>
    </message>
    <message>
        <source>%1 of %2, used up</source>
        <translation>%1 sur %2, épuisé</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Requests today</source>
        <translation>Requêtes aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Tokens today</source>
        <translation>Jetons aujourd&apos;hui</translation>
    </message>
    <message>
        <source>, %1 of them estimated</source>
        <translation>, dont %1 estimés</translation>
    </message>
    <message>
        <source>Edge-cache hits today</source>
        <translation>Succès du cache edge aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>used up until midnight UTC, in %1 h %2 min</source>
        <translation>épuisé jusqu&apos;à minuit UTC, dans %1 h %2 min</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>%1 requests, %2 tokens</source>
        <translation>%1 requêtes, %2 jetons</translation>
    </message>
</context>
<context>
    <name>ModelListParser</name>
    <message>
        <source>The model list is not valid JSON (%1).</source>
        <translation>La liste de modèles n&apos;est pas du JSON valide (%1).</translation>
    </message>
    <message>
        <source>The answer has no model list (no &quot;data&quot; array).</source>
        <translation>La réponse n&apos;a pas de liste de modèles (pas de tableau «&#xa0;data&#xa0;»).</translation>
    </message>
</context>
<context>
    <name>ModelsFetcher</name>
    <message>
        <source>%1 has no model list; showing the known Codestral models.</source>
        <translation>%1 n&apos;a pas de liste de modèles&#x202f;; affichage des modèles Codestral connus.</translation>
    </message>
    <message>
        <source>The model list from %1 could not be read: %2</source>
        <translation>La liste de modèles de %1 n&apos;a pas pu être lue&#xa0;: %2</translation>
    </message>
    <message>
        <source>Showing the models that can do fill-in-the-middle.</source>
        <translation>Affichage des modèles capables de fill-in-the-middle.</translation>
    </message>
    <message>
        <source>Ollama at %1 has no model yet. Pull one: ollama pull qwen2.5-coder:1.5b</source>
        <translation>Ollama à %1 n&apos;a encore aucun modèle. Téléchargez-en un&#xa0;: ollama pull qwen2.5-coder:1.5b</translation>
    </message>
    <message>
        <source>No answer in the history names its model. With no model chosen, a replay takes the newest answer of any model.</source>
        <translation>Aucune réponse de l&apos;historique ne nomme son modèle. Sans modèle choisi, un rejeu prend la réponse la plus récente de n&apos;importe quel modèle.</translation>
    </message>
    <message>
        <source>%1 lists no FIM-capable model.</source>
        <translation>%1 ne liste aucun modèle capable de FIM.</translation>
    </message>
</context>
<context>
    <name>ModelsPanel</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Double-click a model to use it</source>
        <translation>Double-cliquez sur un modèle pour l&apos;utiliser</translation>
    </message>
    <message>
        <source>Loading the model list…</source>
        <translation>Chargement de la liste des modèles…</translation>
    </message>
    <message>
        <source>%1k context</source>
        <translation>contexte %1k</translation>
    </message>
    <message>
        <source>%1, owned by %2</source>
        <translation>%1, appartenant à %2</translation>
    </message>
    <message>
        <source>Can fill in the middle.</source>
        <translation>Peut remplir le milieu (FIM).</translation>
    </message>
    <message>
        <source>Cannot fill in the middle by itself: choose a template in the endpoint&apos;s settings to use it.</source>
        <translation>Ne peut pas remplir le milieu seul&#xa0;: choisissez un gabarit dans les paramètres de l&apos;endpoint pour l&apos;utiliser.</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s).</source>
        <translation>
            <numerusform>%n modèle.</numerusform>
            <numerusform>%n modèles.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 can fill in the middle (✓), %2 cannot (✗).</source>
        <translation>Remplissage du milieu&#xa0;: %1 oui (✓), %2 non (✗).</translation>
    </message>
    <message>
        <source>No model list: %1</source>
        <translation>Pas de liste de modèles&#xa0;: %1</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Enter on a model uses it from the next request on</source>
        <translation>Entrée sur un modèle l&apos;utilise à partir de la prochaine requête</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Close this notice</source>
        <translation>Fermer cet avis</translation>
    </message>
</context>
<context>
    <name>OllamaBackend</name>
    <message>
        <source>The answer has no &quot;response&quot;: it does not look like Ollama&apos;s /api/generate.</source>
        <translation>La réponse n&apos;a pas de «&#xa0;response&#xa0;»&#xa0;: elle ne ressemble pas à /api/generate d&apos;Ollama.</translation>
    </message>
    <message>
        <source>Ollama needs a model name. Pick one in the toolbar (the Models panel lists what %1 has), or pull one first: ollama pull qwen2.5-coder:1.5b</source>
        <translation>Ollama a besoin d&apos;un nom de modèle. Choisissez-en un dans la barre d&apos;outils (le panneau Modèles liste ce que %1 possède), ou téléchargez-en un d&apos;abord&#xa0;: ollama pull qwen2.5-coder:1.5b</translation>
    </message>
    <message>
        <source>Ollama at %1 does not have that model (%2). Pull it first: ollama pull NAME</source>
        <translation>Ollama à %1 n&apos;a pas ce modèle (%2). Téléchargez-le d&apos;abord&#xa0;: ollama pull NOM</translation>
    </message>
    <message>
        <source>Ollama at %1 does not have the model &quot;%2&quot;. Pull it first: ollama pull %2</source>
        <translation>Ollama à %1 n&apos;a pas le modèle «&#xa0;%2&#xa0;». Téléchargez-le d&apos;abord&#xa0;: ollama pull %2</translation>
    </message>
    <message>
        <source>The model cannot fill in the middle through Ollama: its template has no suffix (%1). Choose a FIM model (the Models panel marks them, e.g. qwen2.5-coder:1.5b), or pick a template in Settings ▸ Endpoints ▸ Prompt to send a raw prompt.</source>
        <translation>Le modèle ne peut pas remplir le milieu via Ollama&#xa0;: son gabarit n&apos;a pas de suffixe (%1). Choisissez un modèle FIM (le panneau Modèles les signale, par ex. qwen2.5-coder:1.5b), ou un gabarit dans Paramètres ▸ Endpoints ▸ Prompt pour envoyer un prompt brut.</translation>
    </message>
    <message>
        <source>Ollama version</source>
        <translation>Version d&apos;Ollama</translation>
    </message>
    <message>
        <source>/api/version did not say a version: is this Ollama?</source>
        <translation>/api/version n&apos;a donné aucune version&#xa0;: est-ce bien Ollama&#x202f;?</translation>
    </message>
    <message>
        <source>The answer has no &quot;models&quot; list: it does not look like Ollama&apos;s /api/tags.</source>
        <translation>La réponse n&apos;a pas de liste «&#xa0;models&#xa0;»&#xa0;: elle ne ressemble pas à /api/tags d&apos;Ollama.</translation>
    </message>
</context>
<context>
    <name>OpenAiBackend</name>
    <message>
        <source>%1 refuses &quot;suffix&quot; (%2): this server does not do fill-in-the-middle by itself. Pick a template for the model in Settings ▸ Endpoints ▸ Prompt: the prompt then carries the FIM tokens.</source>
        <translation>%1 refuse «&#xa0;suffix&#xa0;» (%2)&#xa0;: ce serveur ne fait pas de fill-in-the-middle par lui-même. Choisissez un gabarit pour le modèle dans Paramètres ▸ Endpoints ▸ Prompt&#xa0;: le prompt porte alors les jetons FIM.</translation>
    </message>
    <message>
        <source>This is llama-server: its /v1/completions ignores &quot;suffix&quot;, so the model saw only the text before the cursor. Choose the kind llama.cpp (/infill), or a FIM template, to fill in the middle.</source>
        <translation>C&apos;est llama-server&#xa0;: son /v1/completions ignore «&#xa0;suffix&#xa0;», le modèle n&apos;a donc vu que le texte avant le curseur. Choisissez le type llama.cpp (/infill), ou un gabarit FIM, pour remplir le milieu.</translation>
    </message>
</context>
<context>
    <name>PinnedSources</name>
    <message>
        <source>not on disk any more: nothing of it is sent</source>
        <translation>n&apos;est plus sur le disque&#xa0;: rien n&apos;en est envoyé</translation>
    </message>
    <message>
        <source>cannot be read (permissions?): nothing of it is sent</source>
        <translation>ne peut pas être lu (permissions&#x202f;?)&#xa0;: rien n&apos;en est envoyé</translation>
    </message>
    <message>
        <source>holds no file of the editor&apos;s language</source>
        <translation>ne contient aucun fichier dans le langage de l&apos;éditeur</translation>
    </message>
    <message>
        <source>only its first %1 are read</source>
        <translation>seuls ses %1 premiers sont lus</translation>
    </message>
    <message>
        <source>%1 of its %2 files of the editor&apos;s language (at most %1 a folder)</source>
        <translation>%1 de ses %2 fichiers dans le langage de l&apos;éditeur (au plus %1 par dossier)</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of the editor&apos;s language</source>
        <translation>
            <numerusform>%n fichier dans le langage de l&apos;éditeur</numerusform>
            <numerusform>%n fichiers dans le langage de l&apos;éditeur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cannot be read</source>
        <translation>
            <numerusform>%n ne peut pas être lu</numerusform>
            <numerusform>%n ne peuvent pas être lus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PromptSuite</name>
    <message>
        <source>&quot;context&quot; must be a list of {&quot;filename&quot;, &quot;text&quot;} objects</source>
        <translation>«&#xa0;context&#xa0;» doit être une liste d&apos;objets {&quot;filename&quot;, &quot;text&quot;}</translation>
    </message>
    <message>
        <source>&quot;context&quot; item %1: unknown field &quot;%2&quot;</source>
        <translation>élément %1 de «&#xa0;context&#xa0;»&#xa0;: champ inconnu «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>&quot;context&quot; item %1 must be an object with the strings &quot;filename&quot; and &quot;text&quot;</source>
        <translation>l&apos;élément %1 de «&#xa0;context&#xa0;» doit être un objet avec les chaînes «&#xa0;filename&#xa0;» et «&#xa0;text&#xa0;»</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un nombre entier</translation>
    </message>
    <message>
        <source>a string or a list of strings</source>
        <translation>une chaîne ou une liste de chaînes</translation>
    </message>
    <message>
        <source>not JSON: %1 at column %2</source>
        <translation>pas du JSON&#xa0;: %1 à la colonne %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>pas un objet JSON</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;</source>
        <translation>champ inconnu «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be %2</source>
        <translation>«&#xa0;%1&#xa0;» doit être %2</translation>
    </message>
    <message>
        <source>&quot;prompt&quot; is missing</source>
        <translation>«&#xa0;prompt&#xa0;» manque</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing</source>
        <translation>«&#xa0;%1&#xa0;» manque</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string</source>
        <translation>«&#xa0;%1&#xa0;» doit être une chaîne</translation>
    </message>
    <message>
        <source>%1 line: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>SAFIM line: &quot;unit_tests&quot; is a string but not a JSON list</source>
        <translation>ligne SAFIM&#xa0;: «&#xa0;unit_tests&#xa0;» est une chaîne mais pas une liste JSON</translation>
    </message>
    <message>
        <source>SAFIM line: &quot;unit_tests&quot; must be a list of {&quot;input&quot;, &quot;output&quot;}</source>
        <translation>ligne SAFIM&#xa0;: «&#xa0;unit_tests&#xa0;» doit être une liste de {&quot;input&quot;, &quot;output&quot;}</translation>
    </message>
    <message>
        <source>SAFIM line: unit test %1 must be {&quot;input&quot;: string, &quot;output&quot;: [strings]}</source>
        <translation>ligne SAFIM&#xa0;: le test unitaire %1 doit être {&quot;input&quot;: string, &quot;output&quot;: [strings]}</translation>
    </message>
    <message>
        <source>SAFIM line: neither &quot;prompt&quot; has the hole &quot;%1&quot; once nor &quot;eval_prompt&quot; &quot;{{completion}}&quot;</source>
        <translation>ligne SAFIM&#xa0;: ni «&#xa0;prompt&#xa0;» ne contient une seule fois le trou «&#xa0;%1&#xa0;», ni «&#xa0;eval_prompt&#xa0;» «&#xa0;{{completion}}&#xa0;»</translation>
    </message>
    <message>
        <source>SAFIM line: &quot;eval_prompt&quot; must hold &quot;{{completion}}&quot; once to run its unit tests</source>
        <translation>ligne SAFIM&#xa0;: «&#xa0;eval_prompt&#xa0;» doit contenir une seule fois «&#xa0;{{completion}}&#xa0;» pour exécuter ses tests unitaires</translation>
    </message>
    <message>
        <source>CrossCodeEval line: &quot;metadata&quot; must be an object whose &quot;file&quot; is a string</source>
        <translation>ligne CrossCodeEval&#xa0;: «&#xa0;metadata&#xa0;» doit être un objet dont «&#xa0;file&#xa0;» est une chaîne</translation>
    </message>
    <message>
        <source>CrossCodeEval line: &quot;crossfile_context&quot; must be an object with a string &quot;text&quot; and a list &quot;list&quot;</source>
        <translation>ligne CrossCodeEval&#xa0;: «&#xa0;crossfile_context&#xa0;» doit être un objet avec une chaîne «&#xa0;text&#xa0;» et une liste «&#xa0;list&#xa0;»</translation>
    </message>
    <message>
        <source>CrossCodeEval line: &quot;crossfile_context&quot; list item %1 must have the strings &quot;retrieved_chunk&quot; and &quot;filename&quot;</source>
        <translation>ligne CrossCodeEval&#xa0;: l&apos;élément %1 de la liste de «&#xa0;crossfile_context&#xa0;» doit avoir les chaînes «&#xa0;retrieved_chunk&#xa0;» et «&#xa0;filename&#xa0;»</translation>
    </message>
    <message>
        <source>prompt suite</source>
        <translation>suite de prompts</translation>
    </message>
    <message>
        <source>not a benchmark line</source>
        <translation>pas une ligne de benchmark</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>cache</source>
        <translation>cache</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>ahead</source>
        <extracomment>Latency table: the request was asked ahead of time, before the user needed it</extracomment>
        <translation>anticipée</translation>
    </message>
    <message>
        <source>ahead, used</source>
        <translation>anticipée, utilisée</translation>
    </message>
    <message>
        <source>ahead, unused</source>
        <translation>anticipée, inutilisée</translation>
    </message>
    <message>
        <source>warm-up</source>
        <translation>préchauffage</translation>
    </message>
    <message>
        <source>hit</source>
        <extracomment>Latency table: a cache hit (the answer came from the playground&apos;s cache)</extracomment>
        <translation>succès</translation>
    </message>
    <message>
        <source>edge hit</source>
        <translation>succès edge</translation>
    </message>
    <message>
        <source>edge miss</source>
        <translation>échec edge</translation>
    </message>
    <message>
        <source>edge bypass</source>
        <translation>contournement edge</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is %2 MiB; the playground opens files up to %3 MiB.</source>
        <translation>%1 fait %2 Mio&#x202f;; le playground ouvre les fichiers jusqu&apos;à %3 Mio.</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texte brut</translation>
    </message>
    <message>
        <source>Follow system (light/dark)</source>
        <translation>Suivre le système (clair/sombre)</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Oui</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Non</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Valeurs par défaut</translation>
    </message>
</context>
<context>
    <name>ReplayNetworkAccess</name>
    <message>
        <source>The history cannot be read: %1</source>
        <translation>L&apos;historique ne peut pas être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>modèle %1</translation>
    </message>
    <message>
        <source>no model or parameter named</source>
        <translation>aucun modèle ni paramètre nommé</translation>
    </message>
    <message>
        <source>The history is off, so there is nothing to replay. Turn it on in Settings and ask a live endpoint first.</source>
        <translation>L&apos;historique est désactivé, il n&apos;y a donc rien à rejouer. Activez-le dans les Paramètres et interrogez d&apos;abord un endpoint en direct.</translation>
    </message>
    <message>
        <source>The replay cannot read the request: %1</source>
        <translation>Le rejeu ne peut pas lire la requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not recorded with %1. The newest answer recorded for this prefix and suffix was asked with %2.</source>
        <translation>Non enregistré avec %1. La réponse la plus récente enregistrée pour ce préfixe et ce suffixe a été demandée avec %2.</translation>
    </message>
    <message>
        <source>the server&apos;s own</source>
        <translation>celui du serveur</translation>
    </message>
    <message numerus="yes">
        <source>Not recorded: this prefix and suffix were asked %n time(s) but never answered (the newest: %1).</source>
        <translation>
            <numerusform>Non enregistré&#xa0;: ce préfixe et ce suffixe ont été demandés %n fois mais n&apos;ont jamais reçu de réponse (le plus récent&#xa0;: %1).</numerusform>
            <numerusform>Non enregistré&#xa0;: ce préfixe et ce suffixe ont été demandés %n fois mais n&apos;ont jamais reçu de réponse (le plus récent&#xa0;: %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Not recorded: the history (%1) holds no exchange with this prefix and suffix. Ask a live endpoint once with the history on, then replay.</source>
        <translation>Non enregistré&#xa0;: l&apos;historique (%1) ne contient aucun échange avec ce préfixe et ce suffixe. Interrogez une fois un endpoint en direct avec l&apos;historique activé, puis rejouez.</translation>
    </message>
    <message>
        <source>Not recorded: the exchange was deleted from the history just now.</source>
        <translation>Non enregistré&#xa0;: l&apos;échange vient d&apos;être supprimé de l&apos;historique.</translation>
    </message>
    <message>
        <source>exchange #%1, asked %2 through %3 (%4)</source>
        <translation>échange n° %1, demandé %2 via %3 (%4)</translation>
    </message>
    <message>
        <source>The request below is the one recorded; the replay was asked with POST %1.</source>
        <translation>La requête ci-dessous est celle enregistrée&#x202f;; le rejeu a été demandé avec POST %1.</translation>
    </message>
    <message numerus="yes">
        <source>Replay of %1: %n answered exchange(s)</source>
        <translation>
            <numerusform>Rejeu de %1&#xa0;: %n échange avec réponse</numerusform>
            <numerusform>Rejeu de %1&#xa0;: %n échanges avec réponse</numerusform>
        </translation>
    </message>
    <message>
        <source>A replay answers /health, /v1/models and /v1/fim/completions only.</source>
        <translation>Un rejeu ne répond qu&apos;à /health, /v1/models et /v1/fim/completions.</translation>
    </message>
</context>
<context>
    <name>ReplayReply</name>
    <message>
        <source>The replay answered with HTTP %1.</source>
        <translation>Le rejeu a répondu HTTP %1.</translation>
    </message>
    <message>
        <source>The replay was cancelled.</source>
        <translation>Le rejeu a été annulé.</translation>
    </message>
</context>
<context>
    <name>RequestToolbar</name>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Stream</source>
        <extracomment>Check box: ask for the answer as a stream (server-sent events), shown as it arrives</extracomment>
        <translation>Streaming</translation>
    </message>
    <message>
        <source>Endpoint profile (Settings ▸ Endpoints to edit)</source>
        <translation>Profil d&apos;endpoint (Paramètres ▸ Endpoints pour le modifier)</translation>
    </message>
    <message>
        <source>Model; empty lets a proxy choose</source>
        <translation>Modèle&#x202f;; vide laisse un proxy choisir</translation>
    </message>
    <message>
        <source>default model</source>
        <translation>modèle par défaut</translation>
    </message>
    <message>
        <source>max_tokens</source>
        <translation>max_tokens</translation>
    </message>
    <message>
        <source>default</source>
        <translation>défaut</translation>
    </message>
    <message>
        <source>temperature (default: not sent)</source>
        <translation>temperature (par défaut&#xa0;: non envoyé)</translation>
    </message>
    <message>
        <source>top_p (default: not sent)</source>
        <translation>top_p (par défaut&#xa0;: non envoyé)</translation>
    </message>
    <message>
        <source>stop, e.g. \n\n|def </source>
        <translation>stop, par ex. \n\n|def </translation>
    </message>
    <message>
        <source>Stop sequences separated by |; \n is a line break</source>
        <translation>Séquences d&apos;arrêt séparées par |&#x202f;; \n est un saut de ligne</translation>
    </message>
    <message>
        <source>random</source>
        <translation>aléatoire</translation>
    </message>
    <message>
        <source>random_seed (empty: not sent)</source>
        <translation>random_seed (vide&#xa0;: non envoyé)</translation>
    </message>
    <message>
        <source>Candidates asked for at once with Alt+Space; Alt+] and Alt+[ cycle them</source>
        <translation>Candidats demandés en une fois avec Alt+Espace&#x202f;; Alt+] et Alt+[ les font défiler</translation>
    </message>
    <message>
        <source>Complete</source>
        <extracomment>Toolbar button (verb): ask for a code completion at the cursor</extracomment>
        <translation>Compléter</translation>
    </message>
    <message>
        <source>Ask for a completion at the cursor (Ctrl+Space)</source>
        <translation>Demander une complétion au curseur (Ctrl+Espace)</translation>
    </message>
    <message>
        <source>Stop</source>
        <extracomment>Toolbar button (verb): stop the request in flight; not a stop sequence</extracomment>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the request in flight (Esc)</source>
        <translation>Arrêter la requête en cours (Échap)</translation>
    </message>
    <message>
        <source> max </source>
        <translation> max </translation>
    </message>
    <message>
        <source> temp </source>
        <translation> temp </translation>
    </message>
    <message>
        <source> top_p </source>
        <translation> top_p </translation>
    </message>
    <message>
        <source> stop </source>
        <extracomment>Label of the field for stop sequences (the API parameter &quot;stop&quot;), not the verb</extracomment>
        <translation> arrêt </translation>
    </message>
    <message>
        <source> seed </source>
        <extracomment>Label of the random seed field (the API parameter random_seed)</extracomment>
        <translation> graine </translation>
    </message>
    <message>
        <source> candidates </source>
        <translation> candidats </translation>
    </message>
    <message>
        <source>pick a model (required)</source>
        <translation>choisissez un modèle (obligatoire)</translation>
    </message>
    <message>
        <source>server&apos;s default</source>
        <translation>par défaut du serveur</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (par défaut)</translation>
    </message>
    <message>
        <source>Model; empty lets the server choose</source>
        <translation>Modèle&#x202f;; vide laisse le serveur choisir</translation>
    </message>
    <message>
        <source>Model; empty sends %1</source>
        <translation>Modèle&#x202f;; vide envoie %1</translation>
    </message>
    <message>
        <source>Endpoint profile</source>
        <translation>Profil d&apos;endpoint</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Stream the answer as it is generated</source>
        <translation>Recevoir la réponse en streaming, au fil de sa génération</translation>
    </message>
    <message>
        <source>Maximum tokens</source>
        <translation>Nombre maximal de jetons</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <source>Top p</source>
        <translation>Top p</translation>
    </message>
    <message>
        <source>Stop sequences</source>
        <translation>Séquences d&apos;arrêt</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>Graine aléatoire</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Candidats</translation>
    </message>
</context>
<context>
    <name>ResendDialog</name>
    <message>
        <source>Edit and Resend</source>
        <translation>Modifier et renvoyer</translation>
    </message>
    <message>
        <source>POST %1 — the key, if any, is added when sending.</source>
        <translation>POST %1 — la clé, s&apos;il y en a une, est ajoutée à l&apos;envoi.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send this body (Ctrl+Enter)</source>
        <translation>Envoyer ce corps (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Not valid JSON at line %1, column %2: %3.</source>
        <translation>JSON non valide à la ligne %1, colonne %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>The body must be a JSON object ({ … }).</source>
        <translation>Le corps doit être un objet JSON ({ … }).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string.</source>
        <translation>«&#xa0;%1&#xa0;» doit être une chaîne.</translation>
    </message>
    <message>
        <source>The body has no &quot;%1&quot;: this route needs one.</source>
        <translation>Le corps n&apos;a pas de «&#xa0;%1&#xa0;»&#xa0;: cette route en demande un.</translation>
    </message>
    <message>
        <source>✓ A JSON object with %1: ready to send.</source>
        <translation>✓ Un objet JSON avec %1&#xa0;: prêt à envoyer.</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
</context>
<context>
    <name>Samples</name>
    <message>
        <source>Python: sum of two numbers</source>
        <translation>Python&#xa0;: somme de deux nombres</translation>
    </message>
    <message>
        <source>JavaScript: multiply</source>
        <translation>JavaScript&#xa0;: multiplication</translation>
    </message>
    <message>
        <source>Python: class constructor</source>
        <translation>Python&#xa0;: constructeur de classe</translation>
    </message>
    <message>
        <source>TypeScript: interface factory</source>
        <translation>TypeScript&#xa0;: fabrique d&apos;interface</translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <source>sandbox unavailable: bubblewrap (bwrap) is not installed; nothing was run</source>
        <translation>bac à sable indisponible&#xa0;: bubblewrap (bwrap) n&apos;est pas installé&#x202f;; rien n&apos;a été exécuté</translation>
    </message>
    <message>
        <source>sandbox unavailable: cannot write the program to a temporary folder: %1</source>
        <translation>bac à sable indisponible&#xa0;: impossible d&apos;écrire le programme dans un dossier temporaire&#xa0;: %1</translation>
    </message>
    <message>
        <source>sandbox unavailable: bwrap did not start: %1</source>
        <translation>bac à sable indisponible&#xa0;: bwrap n&apos;a pas démarré&#xa0;: %1</translation>
    </message>
    <message>
        <source>sandbox unavailable: %1; nothing was run</source>
        <translation>bac à sable indisponible&#xa0;: %1&#x202f;; rien n&apos;a été exécuté</translation>
    </message>
</context>
<context>
    <name>SaveCaseDialog</name>
    <message>
        <source>Save Cursor as Case</source>
        <translation>Enregistrer le curseur comme cas</translation>
    </message>
    <message>
        <source>What the answer should be; empty: the case expects nothing in particular</source>
        <translation>Ce que devrait être la réponse&#x202f;; vide&#xa0;: le cas n&apos;attend rien de particulier</translation>
    </message>
    <message>
        <source>a .jsonl file; it is made if it does not exist</source>
        <translation>un fichier .jsonl&#x202f;; il est créé s&apos;il n&apos;existe pas</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Suite File</source>
        <translation>Fichier de suite</translation>
    </message>
    <message>
        <source>Prompt suites (*.jsonl);;All files (*)</source>
        <translation>Suites de prompts (*.jsonl);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) before the cursor and %1 after it, as a request would send them.</source>
        <translation>
            <numerusform>%n caractère avant le curseur et %1 après, tels qu&apos;une requête les enverrait.</numerusform>
            <numerusform>%n caractères avant le curseur et %1 après, tels qu&apos;une requête les enverrait.</numerusform>
        </translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Expected answer:</source>
        <translation>Réponse attendue&#xa0;:</translation>
    </message>
    <message>
        <source>Suite file:</source>
        <translation>Fichier de suite&#xa0;:</translation>
    </message>
    <message>
        <source>The case needs a name.</source>
        <translation>Le cas doit avoir un nom.</translation>
    </message>
    <message>
        <source>Choose the suite file to add the case to.</source>
        <translation>Choisissez le fichier de suite auquel ajouter le cas.</translation>
    </message>
    <message>
        <source>%1 — nothing was saved; choose another file.</source>
        <translation>%1 — rien n&apos;a été enregistré&#x202f;; choisissez un autre fichier.</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>The system keychain could not be read (%1). Set the environment variable instead.</source>
        <translation>Le trousseau du système n&apos;a pas pu être lu (%1). Définissez plutôt la variable d&apos;environnement.</translation>
    </message>
    <message>
        <source>The keychain is turned off.</source>
        <translation>Le trousseau est désactivé.</translation>
    </message>
    <message>
        <source>The secret could not be stored in the system keychain (%1).</source>
        <translation>Le secret n&apos;a pas pu être enregistré dans le trousseau du système (%1).</translation>
    </message>
</context>
<context>
    <name>ServerTokenizer</name>
    <message>
        <source>The answer of /tokenize could not be read.</source>
        <translation>La réponse de /tokenize n&apos;a pas pu être lue.</translation>
    </message>
</context>
<context>
    <name>SessionStore</name>
    <message>
        <source>The saved session in %1 is damaged (%2).</source>
        <translation>La session enregistrée dans %1 est endommagée (%2).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The Key Was Not Stored</source>
        <translation>La clé n&apos;a pas été enregistrée</translation>
    </message>
    <message>
        <source>The system keychain could not store the key typed here:
%1

Keep it for this session only? It stays in memory until the playground quits and is never written to the settings file.</source>
        <translation>Le trousseau du système n&apos;a pas pu enregistrer la clé saisie ici&#xa0;:
%1

La garder pour cette session seulement&#x202f;? Elle reste en mémoire jusqu&apos;à la fermeture du playground et n&apos;est jamais écrite dans le fichier de paramètres.</translation>
    </message>
    <message>
        <source>Keep for This Session</source>
        <translation>Garder pour cette session</translation>
    </message>
    <message>
        <source>Back to Settings</source>
        <translation>Retour aux paramètres</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Détecter</translation>
    </message>
    <message>
        <source>Ask the server at this URL what it is, and set the kind</source>
        <translation>Demander au serveur à cette URL ce qu&apos;il est, et définir le type</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>immédiatement</translation>
    </message>
    <message>
        <source>How much faster than recorded the answers come: 1 is the original pace</source>
        <translation>Combien de fois plus vite qu&apos;à l&apos;enregistrement les réponses arrivent&#xa0;: 1 est le rythme d&apos;origine</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type&#xa0;:</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>URL de base&#xa0;:</translation>
    </message>
    <message>
        <source>Key or token:</source>
        <translation>Clé ou jeton&#xa0;:</translation>
    </message>
    <message>
        <source>Replay speed:</source>
        <extracomment>Replay: answers played back from the recorded history instead of the network</extracomment>
        <translation>Vitesse de rejeu&#xa0;:</translation>
    </message>
    <message>
        <source>New endpoint</source>
        <translation>Nouvel endpoint</translation>
    </message>
    <message>
        <source>New endpoint %1</source>
        <translation>Nouvel endpoint %1</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Health check every:</source>
        <translation>Vérification de santé toutes les&#xa0;:</translation>
    </message>
    <message>
        <source>Connect timeout:</source>
        <translation>Délai de connexion&#xa0;:</translation>
    </message>
    <message>
        <source>First byte timeout:</source>
        <translation>Délai du premier octet&#xa0;:</translation>
    </message>
    <message>
        <source>Idle timeout (silence mid-answer):</source>
        <translation>Délai d&apos;inactivité (silence en pleine réponse)&#xa0;:</translation>
    </message>
    <message>
        <source>Total timeout:</source>
        <translation>Délai total&#xa0;:</translation>
    </message>
    <message>
        <source>from $%1 (overrides the keychain)</source>
        <translation>depuis $%1 (prioritaire sur le trousseau)</translation>
    </message>
    <message>
        <source>kept in the system keychain; empty keeps the stored one</source>
        <translation>gardée dans le trousseau du système&#x202f;; vide garde celle enregistrée</translation>
    </message>
    <message>
        <source>Every endpoint needs a name.</source>
        <translation>Chaque endpoint doit avoir un nom.</translation>
    </message>
    <message>
        <source>Two endpoints are called &quot;%1&quot;.</source>
        <translation>Deux endpoints s&apos;appellent «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Storing the keys in the system keychain…</source>
        <translation>Enregistrement des clés dans le trousseau du système…</translation>
    </message>
    <message>
        <source>The secret of the removed endpoint &quot;%1&quot; was not deleted: %2</source>
        <translation>Le secret de l&apos;endpoint supprimé «&#xa0;%1&#xa0;» n&apos;a pas été effacé&#xa0;: %2</translation>
    </message>
    <message>
        <source>The old secret of &quot;%1&quot; was not deleted: %2</source>
        <translation>L&apos;ancien secret de «&#xa0;%1&#xa0;» n&apos;a pas été effacé&#xa0;: %2</translation>
    </message>
    <message>
        <source>The secret of &quot;%1&quot; did not move to &quot;%2&quot;: %3</source>
        <translation>Le secret de «&#xa0;%1&#xa0;» n&apos;a pas été déplacé vers «&#xa0;%2&#xa0;»&#xa0;: %3</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>Not stored in the keychain: %1</source>
        <translation>Non enregistré dans le trousseau&#xa0;: %1</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Test de %1…</translation>
    </message>
    <message>
        <source>Found %1: kind set to %2.</source>
        <translation>%1 trouvé&#xa0;: type réglé sur %2.</translation>
    </message>
    <message>
        <source>Asking %1 what it is…</source>
        <translation>Demande à %1 de ce qu&apos;il est…</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Résultat du test de connexion</translation>
    </message>
    <message>
        <source>Endpoint profiles</source>
        <translation>Profils d&apos;endpoint</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL de base</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>Settings could not be written to %1.</source>
        <translation>Les paramètres n&apos;ont pas pu être écrits dans %1.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Window ▸ %1</source>
        <translation>Fenêtre ▸ %1</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Touche</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Effet</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>F6 and Shift+F6 move the keyboard between the editor, the panels and the toolbar; Tab and Shift+Tab between the controls of a panel.</source>
        <translation>F6 et Maj+F6 déplacent le focus clavier entre l&apos;éditeur, les panneaux et la barre d&apos;outils&#x202f;; Tab et Maj+Tab, entre les contrôles d&apos;un panneau.</translation>
    </message>
</context>
<context>
    <name>StartupTimings</name>
    <message>
        <source>services (network, client, health, models)</source>
        <translation>services (réseau, client, santé, modèles)</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>paramètres</translation>
    </message>
    <message>
        <source>history writer (its thread opens the database)</source>
        <translation>écriture de l&apos;historique (son thread ouvre la base de données)</translation>
    </message>
    <message>
        <source>process start to main (exec, libraries; 10 ms ticks)</source>
        <translation>du lancement du processus à main (exec, bibliothèques&#x202f;; pas de 10 ms)</translation>
    </message>
    <message>
        <source>fim-playground start-up to first paint, in ms: wall-clock from the process&apos;s start (/proc/self/stat), the phases by QElapsedTimer from main; the main thread&apos;s processor time</source>
        <translation>démarrage de fim-playground jusqu&apos;au premier affichage, en ms&#xa0;: temps réel depuis le lancement du processus (/proc/self/stat), les phases par QElapsedTimer depuis main&#x202f;; le temps processeur du thread principal</translation>
    </message>
    <message>
        <source>phase</source>
        <translation>phase</translation>
    </message>
    <message>
        <source>wall</source>
        <translation>réel</translation>
    </message>
    <message>
        <source>at</source>
        <translation>cumul</translation>
    </message>
    <message>
        <source>cpu</source>
        <translation>cpu</translation>
    </message>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>window construction</source>
        <translation>construction de la fenêtre</translation>
    </message>
    <message>
        <source>history database (History panel: open, migrations, WAL, rows)</source>
        <translation>base de l&apos;historique (panneau Historique&#xa0;: ouverture, migrations, WAL, lignes)</translation>
    </message>
    <message>
        <source>KSyntaxHighlighting Repository</source>
        <translation>KSyntaxHighlighting Repository</translation>
    </message>
    <message>
        <source>editor</source>
        <translation>éditeur</translation>
    </message>
    <message>
        <source>status bar (language and theme lists)</source>
        <translation>barre d&apos;état (listes des langages et des thèmes)</translation>
    </message>
    <message>
        <source>window start</source>
        <translation>démarrage de la fenêtre</translation>
    </message>
    <message>
        <source>session restore (file, language)</source>
        <translation>restauration de la session (fichier, langage)</translation>
    </message>
    <message>
        <source>endpoint activation (keychain)</source>
        <translation>activation de l&apos;endpoint (trousseau)</translation>
    </message>
    <message>
        <source>show to the editor&apos;s first paint event</source>
        <translation>de show au premier événement paint de l&apos;éditeur</translation>
    </message>
    <message>
        <source>first paint (the frame done)</source>
        <translation>premier affichage (image terminée)</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>ligne de commande</translation>
    </message>
    <message>
        <source>QApplication</source>
        <translation>QApplication</translation>
    </message>
    <message>
        <source>fonts</source>
        <translation>polices</translation>
    </message>
    <message>
        <source>show (polish, layout, platform window)</source>
        <translation>show (polish, disposition, fenêtre de la plateforme)</translation>
    </message>
    <message>
        <source>toolbar and panels (the definitions read meanwhile)</source>
        <translation>barre d&apos;outils et panneaux (les définitions lues pendant ce temps)</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>All recorded</source>
        <translation>Tout l&apos;historique</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>The table as CSV, one line per group and the total last</source>
        <translation>Le tableau en CSV, une ligne par groupe et le total en dernier</translation>
    </message>
    <message>
        <source>Export Stats</source>
        <translation>Exporter les statistiques</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Gabarit</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Acceptées</translation>
    </message>
    <message>
        <source>Whole</source>
        <translation>Entières</translation>
    </message>
    <message>
        <source>Chars</source>
        <translation>Caract.</translation>
    </message>
    <message>
        <source>Persisted</source>
        <translation>Persistance</translation>
    </message>
    <message>
        <source>Latency p50/p95</source>
        <translation>Latence p50/p95</translation>
    </message>
    <message>
        <source>Accepted p50/p95</source>
        <translation>Acceptées p50/p95</translation>
    </message>
    <message>
        <source>Tokens/char</source>
        <translation>Jetons/caract.</translation>
    </message>
    <message>
        <source>The profile&apos;s FIM template (server: the server&apos;s own)</source>
        <translation>Le gabarit FIM du profil (serveur&#xa0;: celui du serveur)</translation>
    </message>
    <message>
        <source>The extra context the suggestions were asked with</source>
        <translation>Le contexte supplémentaire avec lequel les suggestions ont été demandées</translation>
    </message>
    <message>
        <source>Suggestions on screen 750 ms or more, or acted upon (as Cody counts them)</source>
        <translation>Suggestions à l&apos;écran 750 ms ou plus, ou suivies d&apos;une action (comme Cody les compte)</translation>
    </message>
    <message>
        <source>Seen suggestions something was accepted of (Tab, Ctrl+Right, Shift+Tab)</source>
        <translation>Suggestions vues dont quelque chose a été accepté (Tab, Ctrl+Droite, Maj+Tab)</translation>
    </message>
    <message>
        <source>Seen suggestions accepted to their end</source>
        <translation>Suggestions vues acceptées jusqu&apos;au bout</translation>
    </message>
    <message>
        <source>Accepted characters / characters of the seen suggestions</source>
        <translation>Caractères acceptés / caractères des suggestions vues</translation>
    </message>
    <message>
        <source>How much of the accepted text is still there 30 s later (1 − edit distance / length, mean)</source>
        <translation>Part du texte accepté encore là 30 s plus tard (1 − distance d&apos;édition / longueur, en moyenne)</translation>
    </message>
    <message>
        <source>Asked → on screen, ms, of the seen suggestions</source>
        <translation>Demande → affichage, en ms, des suggestions vues</translation>
    </message>
    <message>
        <source>Asked → on screen, ms, of the accepted ones</source>
        <translation>Demande → affichage, en ms, des suggestions acceptées</translation>
    </message>
    <message>
        <source>The answers&apos; tokens per accepted character (where the server counted tokens)</source>
        <translation>Jetons des réponses par caractère accepté (là où le serveur a compté les jetons)</translation>
    </message>
    <message>
        <source>Suggestion statistics</source>
        <translation>Statistiques des suggestions</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <source>History is off: nothing is recorded, so there is nothing to count.</source>
        <translation>L&apos;historique est désactivé&#xa0;: rien n&apos;est enregistré, il n&apos;y a donc rien à compter.</translation>
    </message>
    <message>
        <source>Cannot read the history: %1</source>
        <translation>Impossible de lire l&apos;historique&#xa0;: %1</translation>
    </message>
    <message>
        <source>No suggestions recorded in this period: they are counted as you use the editor.</source>
        <translation>Aucune suggestion enregistrée sur cette période&#xa0;: elles sont comptées à mesure que vous utilisez l&apos;éditeur.</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) recorded, %1 seen.</source>
        <translation>
            <numerusform>%n suggestion enregistrée, vues&#xa0;: %1.</numerusform>
            <numerusform>%n suggestions enregistrées, vues&#xa0;: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1.</source>
        <translation>
            <numerusform>%n ligne écrite dans %1.</numerusform>
            <numerusform>%n lignes écrites dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accepted suggestion(s) measured 30 s after the accept</source>
        <translation>
            <numerusform>%n suggestion acceptée, mesurée 30 s après l&apos;acceptation</numerusform>
            <numerusform>%n suggestions acceptées, mesurées 30 s après l&apos;acceptation</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusIndicators</name>
    <message>
        <source>The file&apos;s encoding: what Save writes, or reopen in another</source>
        <translation>L&apos;encodage du fichier&#xa0;: ce qu&apos;écrit Enregistrer, ou rouvrir dans un autre</translation>
    </message>
    <message>
        <source>The file&apos;s line breaks: what Save writes</source>
        <translation>Les fins de ligne du fichier&#xa0;: ce qu&apos;écrit Enregistrer</translation>
    </message>
    <message>
        <source>LF (Unix, macOS)</source>
        <translation>LF (Unix, macOS)</translation>
    </message>
    <message>
        <source>CRLF (Windows)</source>
        <translation>CRLF (Windows)</translation>
    </message>
    <message>
        <source>CR (classic Mac OS)</source>
        <translation>CR (Mac OS classique)</translation>
    </message>
    <message>
        <source>Language used for highlighting</source>
        <translation>Langage utilisé pour la coloration</translation>
    </message>
    <message>
        <source>Colour theme</source>
        <translation>Thème de couleurs</translation>
    </message>
    <message>
        <source>last %1 ms</source>
        <translation>dernière&#xa0;: %1 ms</translation>
    </message>
    <message>
        <source>stop: the model ended the answer itself, or a stop sequence did.</source>
        <translation>stop&#xa0;: le modèle a terminé la réponse lui-même, ou une séquence d&apos;arrêt l&apos;a fait.</translation>
    </message>
    <message>
        <source>length: max_tokens cut the answer.</source>
        <translation>length&#xa0;: max_tokens a coupé la réponse.</translation>
    </message>
    <message>
        <source>model_length: the model&apos;s context was full.</source>
        <translation>model_length&#xa0;: le contexte du modèle était plein.</translation>
    </message>
    <message>
        <source>%1: as the server said.</source>
        <translation>%1&#xa0;: tel que le serveur l&apos;a dit.</translation>
    </message>
    <message>
        <source>Answered by %1.</source>
        <translation>Réponse de %1.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln jeton</numerusform>
            <numerusform>%Ln jetons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>≈ %Ln token(s)</source>
        <translation>
            <numerusform>≈ %Ln jeton</numerusform>
            <numerusform>≈ %Ln jetons</numerusform>
        </translation>
    </message>
    <message>
        <source>sent %1 + %2 chars · %3</source>
        <translation>envoyé&#xa0;: %1 + %2 caract. · %3</translation>
    </message>
    <message>
        <source>Prefix: %1 characters before the cursor%2.</source>
        <translation>Préfixe&#xa0;: %1 caractères avant le curseur%2.</translation>
    </message>
    <message>
        <source>, cut by the prefix limit</source>
        <translation>, coupé par la limite du préfixe</translation>
    </message>
    <message>
        <source>Suffix: %1 characters after it%2.</source>
        <translation>Suffixe&#xa0;: %1 caractères après%2.</translation>
    </message>
    <message>
        <source>, cut by the suffix limit</source>
        <translation>, coupé par la limite du suffixe</translation>
    </message>
    <message>
        <source>Tokens: the server&apos;s count of the prompt it read (template included).</source>
        <translation>Jetons&#xa0;: le décompte par le serveur du prompt qu&apos;il a lu (gabarit compris).</translation>
    </message>
    <message>
        <source>Tokens: llama-server&apos;s /tokenize counted %1 in the prefix and %2 in the suffix; the prompt it builds adds its FIM tokens. The answer brings the count of the whole prompt.</source>
        <translation>Jetons&#xa0;: /tokenize de llama-server en a compté %1 dans le préfixe et %2 dans le suffixe&#x202f;; le prompt qu&apos;il construit y ajoute ses jetons FIM. La réponse apporte le décompte du prompt entier.</translation>
    </message>
    <message>
        <source>≈: an estimate (4 characters a token); this kind of server has no route that counts them before it answers.</source>
        <translation>≈&#xa0;: une estimation (4 caractères par jeton)&#x202f;; ce type de serveur n&apos;a pas de route qui les compte avant de répondre.</translation>
    </message>
    <message>
        <source>The text outside the window is shaded in the editor (View ▸ Shade Text Not Sent); Settings ▸ Context sets the limits.</source>
        <translation>Le texte hors de la fenêtre est estompé dans l&apos;éditeur (Affichage ▸ Estomper le texte non envoyé)&#x202f;; Paramètres ▸ Contexte fixe les limites.</translation>
    </message>
    <message>
        <source>Save with encoding</source>
        <translation>Enregistrer avec l&apos;encodage</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 avec BOM</translation>
    </message>
    <message>
        <source>Reopen with Encoding</source>
        <translation>Rouvrir avec l&apos;encodage</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Encodage</translation>
    </message>
    <message>
        <source>Line breaks</source>
        <translation>Fins de ligne</translation>
    </message>
    <message>
        <source>Highlighting language</source>
        <translation>Langage de coloration</translation>
    </message>
</context>
<context>
    <name>SuggestionAnnouncer</name>
    <message>
        <source>Part of the suggestion accepted</source>
        <translation>Partie de la suggestion acceptée</translation>
    </message>
    <message>
        <source>Suggestion accepted</source>
        <translation>Suggestion acceptée</translation>
    </message>
    <message>
        <source>Suggestion dismissed</source>
        <translation>Suggestion écartée</translation>
    </message>
    <message>
        <source>Suggestion. Tab to accept.</source>
        <translation>Suggestion. Tabulation pour accepter.</translation>
    </message>
    <message numerus="yes">
        <source>Suggestion: %1 (and %n more line(s)). Tab to accept.</source>
        <translation>
            <numerusform>Suggestion&#xa0;: %1 (et %n ligne de plus). Tabulation pour accepter.</numerusform>
            <numerusform>Suggestion&#xa0;: %1 (et %n lignes de plus). Tabulation pour accepter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggestion: %1. Tab to accept.</source>
        <translation>Suggestion&#xa0;: %1. Tabulation pour accepter.</translation>
    </message>
    <message>
        <source>Suggestion (Tab to accept): %1</source>
        <translation>Suggestion (Tabulation pour accepter)&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SuggestionConfidence</name>
    <message>
        <source>hidden: p=%1</source>
        <translation>masquée&#xa0;: p=%1</translation>
    </message>
</context>
<context>
    <name>SuggestionStats</name>
    <message>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>server&apos;s default</source>
        <translation>par défaut du serveur</translation>
    </message>
    <message>
        <source>server</source>
        <translation>serveur</translation>
    </message>
</context>
<context>
    <name>SuiteActions</name>
    <message>
        <source>untitled</source>
        <translation>sans titre</translation>
    </message>
    <message>
        <source>Case &quot;%1&quot; added to %2.</source>
        <translation>Cas «&#xa0;%1&#xa0;» ajouté à %2.</translation>
    </message>
    <message>
        <source>Run Suite</source>
        <translation>Exécuter une suite</translation>
    </message>
    <message>
        <source>Prompt suites (*.jsonl);;All files (*)</source>
        <translation>Suites de prompts (*.jsonl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The example suite is missing from this build.</source>
        <translation>La suite d&apos;exemple manque dans cette version.</translation>
    </message>
    <message>
        <source>The four samples</source>
        <translation>Les quatre exemples</translation>
    </message>
    <message>
        <source>%1 has no case to run%2.</source>
        <translation>%1 n&apos;a aucun cas à exécuter%2.</translation>
    </message>
    <message>
        <source> (line %1: %2)</source>
        <translation> (ligne %1&#xa0;: %2)</translation>
    </message>
    <message>
        <source>%1 was not run: the variant “%2” (checked in Compare) cannot be used: %3</source>
        <translation>%1 n&apos;a pas été exécutée&#xa0;: la variante «&#xa0;%2&#xa0;» (cochée dans Comparaison) ne peut pas être utilisée&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1: running against %2 with the toolbar&apos;s model and parameters (check variants in Compare to run those instead).</source>
        <translation>%1&#xa0;: exécution sur %2 avec le modèle et les paramètres de la barre d&apos;outils (cochez des variantes dans Comparaison pour exécuter celles-ci à la place).</translation>
    </message>
    <message>
        <source>%1: running with the variants checked in Compare: %2.</source>
        <translation>%1&#xa0;: exécution avec les variantes cochées dans Comparaison&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>SuiteDialog</name>
    <message>
        <source>Prompt Suite</source>
        <translation>Suite de prompts</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v sur %m</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>First token p50 / p95</source>
        <translation>Premier jeton p50 / p95</translation>
    </message>
    <message>
        <source>Total p50 / p95</source>
        <translation>Total p50 / p95</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Exactes</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Préfixe</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>First token ms</source>
        <translation>Premier jeton ms</translation>
    </message>
    <message>
        <source>Total ms</source>
        <translation>Total ms</translation>
    </message>
    <message>
        <source>Select a row to see its answer against what the case expects.</source>
        <translation>Sélectionnez une ligne pour voir sa réponse face à ce que le cas attend.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation>Relancer</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n case(s) against %2</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&#xa0;: %n cas sur %2</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&#xa0;: %n cas sur %2</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Skipped (the other lines run): %1</source>
        <translation>Ignorées (les autres lignes s&apos;exécutent)&#xa0;: %1</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>répondu</translation>
    </message>
    <message>
        <source>✓ exact</source>
        <translation>✓ exact</translation>
    </message>
    <message>
        <source>≈ prefix</source>
        <translation>≈ préfixe</translation>
    </message>
    <message>
        <source>✗ differs</source>
        <translation>✗ différent</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; on &lt;b&gt;%2&lt;/b&gt; (line %3)&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; sur &lt;b&gt;%2&lt;/b&gt; (ligne %3)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Failed: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Échec&#xa0;: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Answer (the case expects nothing in particular):&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Réponse (le cas n&apos;attend rien de particulier)&#xa0;:&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Expected:&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Answer:&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation>&lt;p&gt;Attendu&#xa0;:&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Réponse&#xa0;:&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;✓ The same (trailing white space aside).&lt;/p&gt;</source>
        <translation>&lt;p&gt;✓ Identiques (aux espaces de fin près).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;≈ One is the start of the other: they part at character %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;≈ L&apos;une est le début de l&apos;autre&#xa0;: elles divergent au caractère %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;✗ They part at character %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;✗ Elles divergent au caractère %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>✓ pass</source>
        <translation>✓ réussi</translation>
    </message>
    <message>
        <source>✗ fail</source>
        <translation>✗ échec</translation>
    </message>
    <message>
        <source>⏱ timeout</source>
        <translation>⏱ délai dépassé</translation>
    </message>
    <message>
        <source>! error</source>
        <translation>! erreur</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>non exécuté</translation>
    </message>
    <message>
        <source>&lt;p&gt;Exact %1 · first line %2 · edit similarity %3 · chrF %4&lt;br&gt;Identifiers: exact %5 · precision %6 · recall %7 · F1 %8&lt;/p&gt;</source>
        <translation>&lt;p&gt;Exacte %1 · première ligne %2 · similarité d&apos;édition %3 · chrF %4&lt;br&gt;Identifiants&#xa0;: exacts %5 · précision %6 · rappel %7 · F1 %8&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Run the cases&apos; tests (pass@1)</source>
        <translation>Exécuter les tests des cas (pass@1)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>The wall-clock time a test program may run; then it is killed (a timeout).</source>
        <translation>Le temps réel pendant lequel un programme de test peut s&apos;exécuter&#x202f;; au-delà, il est tué (délai dépassé).</translation>
    </message>
    <message>
        <source>Warning: this runs the code the model wrote on this machine, in a bubblewrap sandbox (no network, read-only system folders, a fresh temporary folder as the only writable place, the time limit and %1 MiB per run). It applies from the next run: Run Again.</source>
        <translation>Attention&#xa0;: ceci exécute le code écrit par le modèle sur cette machine, dans un bac à sable bubblewrap (pas de réseau, dossiers système en lecture seule, un dossier temporaire neuf comme seul emplacement accessible en écriture, la limite de temps et %1 MiB par exécution). Cela s&apos;applique à partir de la prochaine exécution&#xa0;: Relancer.</translation>
    </message>
    <message>
        <source>Line EM</source>
        <translation>EM ligne</translation>
    </message>
    <message>
        <source>Id EM</source>
        <translation>EM id</translation>
    </message>
    <message>
        <source>ES</source>
        <translation>ES</translation>
    </message>
    <message>
        <source>Id F1</source>
        <translation>F1 id</translation>
    </message>
    <message>
        <source>chrF</source>
        <translation>chrF</translation>
    </message>
    <message>
        <source>pass@1</source>
        <translation>pass@1</translation>
    </message>
    <message>
        <source>Answered cases whose answer equals the expected one (trailing white space aside)</source>
        <translation>Cas avec réponse dont la réponse est identique à celle attendue (aux espaces de fin près)</translation>
    </message>
    <message>
        <source>Answered cases where one of answer and expected text is the start of the other</source>
        <translation>Cas avec réponse où la réponse ou le texte attendu est le début de l&apos;autre</translation>
    </message>
    <message>
        <source>First-line exact match: the first non-empty lines are equal</source>
        <translation>Correspondance exacte de la première ligne&#xa0;: les premières lignes non vides sont identiques</translation>
    </message>
    <message>
        <source>Identifier exact match: the same identifiers in the same order (keywords, strings and comments left out)</source>
        <translation>Correspondance exacte des identifiants&#xa0;: les mêmes identifiants dans le même ordre (hors mots-clés, chaînes et commentaires)</translation>
    </message>
    <message>
        <source>Edit similarity ×100, 1 − Levenshtein / longer length: mean (p50 / p95)</source>
        <translation>Similarité d&apos;édition ×100, 1 − Levenshtein / plus grande longueur&#xa0;: moyenne (p50 / p95)</translation>
    </message>
    <message>
        <source>Identifier F1 ×100, identifiers counted as multisets: mean (p50 / p95)</source>
        <translation>F1 des identifiants ×100, identifiants comptés comme multiensembles&#xa0;: moyenne (p50 / p95)</translation>
    </message>
    <message>
        <source>chrF ×100, character 1- to 6-gram F-score (β = 2, white space dropped): mean (p50 / p95)</source>
        <translation>chrF ×100, F-score des n-grammes de 1 à 6 caractères (β = 2, espaces ignorés)&#xa0;: moyenne (p50 / p95)</translation>
    </message>
    <message>
        <source>Summary per target</source>
        <translation>Résumé par cible</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Results per case</source>
        <translation>Résultats par cas</translation>
    </message>
    <message>
        <source>Answer against the expected text</source>
        <translation>Réponse face au texte attendu</translation>
    </message>
    <message>
        <source>%v of %m requests done · batch job %1, %2</source>
        <translation>%v requêtes sur %m effectuées · tâche batch %1, %2</translation>
    </message>
    <message>
        <source>The batch job is not kept in the history (%1): it cannot be resumed after the playground quits.</source>
        <translation>La tâche batch n&apos;est pas conservée dans l&apos;historique (%1)&#xa0;: elle ne pourra pas être reprise après la fermeture du playground.</translation>
    </message>
    <message numerus="yes">
        <source>Uploading %n case(s) as a batch job…</source>
        <translation>
            <numerusform>Envoi de %n cas en tâche batch…</numerusform>
            <numerusform>Envoi de %n cas en tâche batch…</numerusform>
        </translation>
    </message>
    <message>
        <source> as a batch job</source>
        <translation> en tâche batch</translation>
    </message>
    <message>
        <source>Cancel Job</source>
        <translation>Annuler la tâche</translation>
    </message>
    <message>
        <source>%v of %m requests done · batch job %1</source>
        <translation>%v requêtes sur %m effectuées · tâche batch %1</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>batch</translation>
    </message>
    <message>
        <source>passed / tests that ran · %1 failed · %2 timed out · %3 error(s) · %4 not run</source>
        <translation>réussis / tests exécutés · échecs&#xa0;: %1 · délais dépassés&#xa0;: %2 · erreurs&#xa0;: %3 · non exécutés&#xa0;: %4</translation>
    </message>
    <message>
        <source>&lt;p&gt;Test: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;p&gt;Test&#xa0;: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> (%1 ms)</source>
        <translation> (%1 ms)</translation>
    </message>
    <message>
        <source>&lt;p&gt;The program&apos;s last lines of output:&lt;/p&gt;&lt;pre&gt;%1&lt;/pre&gt;</source>
        <translation>&lt;p&gt;Dernières lignes de sortie du programme&#xa0;:&lt;/p&gt;&lt;pre&gt;%1&lt;/pre&gt;</translation>
    </message>
</context>
<context>
    <name>SuiteRun</name>
    <message>
        <source>not run: no answer</source>
        <translation>non exécuté&#xa0;: pas de réponse</translation>
    </message>
    <message>
        <source>not run: running tests is off</source>
        <translation>non exécuté&#xa0;: l&apos;exécution des tests est désactivée</translation>
    </message>
</context>
<context>
    <name>SuiteTester</name>
    <message>
        <source>not run: language %1 (this build runs %2)</source>
        <translation>non exécuté&#xa0;: langage %1 (cette version exécute %2)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>unit test %1 of %2: </source>
        <translation>test unitaire %1 sur %2&#xa0;: </translation>
    </message>
    <message>
        <source>still running after %1 s: killed</source>
        <translation>toujours en cours après %1 s&#xa0;: tué</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>code de sortie %1</translation>
    </message>
    <message>
        <source>wrong answer</source>
        <translation>mauvaise réponse</translation>
    </message>
    <message>
        <source>%1 unit test(s) passed</source>
        <translation>tests unitaires réussis&#xa0;: %1</translation>
    </message>
    <message>
        <source>the program ended before check() came back (exit() in the answer?)</source>
        <translation>le programme s&apos;est terminé avant le retour de check() (un exit() dans la réponse&#x202f;?)</translation>
    </message>
</context>
<context>
    <name>Sweep</name>
    <message>
        <source>A sweep needs at least 2 values of %1, e.g. 0, 0.2, 0.5, 0.8.</source>
        <translation>Un balayage demande au moins 2 valeurs de %1, par ex. 0, 0.2, 0.5, 0.8.</translation>
    </message>
    <message>
        <source>At most %1 values side by side; %2 were given.</source>
        <translation>Au plus %1 valeurs côte à côte&#x202f;; %2 ont été données.</translation>
    </message>
    <message>
        <source>%1 is in the list twice.</source>
        <translation>%1 figure deux fois dans la liste.</translation>
    </message>
    <message>
        <source>“%1” is no value of %2 (%3).</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une valeur de %2 (%3).</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>The server builds it from prefix and suffix</source>
        <translation>Le serveur le construit à partir du préfixe et du suffixe</translation>
    </message>
    <message>
        <source>Template chosen by the model&apos;s name</source>
        <translation>Gabarit choisi d&apos;après le nom du modèle</translation>
    </message>
    <message>
        <source>Template: %1</source>
        <translation>Gabarit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Template: my own</source>
        <translation>Gabarit&#xa0;: le mien</translation>
    </message>
    <message>
        <source>Text around {prefix} and {suffix}, with the model&apos;s special tokens</source>
        <translation>Texte autour de {prefix} et {suffix}, avec les jetons spéciaux du modèle</translation>
    </message>
    <message>
        <source>one stop sequence a line (\n for a line break)</source>
        <translation>une séquence d&apos;arrêt par ligne (\n pour un saut de ligne)</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Prompt&#xa0;:</translation>
    </message>
    <message>
        <source>Template:</source>
        <extracomment>The FIM prompt template (text around {prefix} and {suffix}), not a model</extracomment>
        <translation>Gabarit&#xa0;:</translation>
    </message>
    <message>
        <source>Stops:</source>
        <translation>Arrêts&#xa0;:</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Aperçu&#xa0;:</translation>
    </message>
    <message>
        <source>%1 takes prefix and suffix and fills the FIM tokens itself: there is no template to choose.</source>
        <translation>%1 prend le préfixe et le suffixe et place lui-même les jetons FIM&#xa0;: il n&apos;y a pas de gabarit à choisir.</translation>
    </message>
    <message>
        <source>Ollama fills the model&apos;s own template around prefix and suffix. Models without one (no &quot;insert&quot; capability in the Models panel) need a template here.</source>
        <translation>Ollama place le gabarit propre du modèle autour du préfixe et du suffixe. Les modèles qui n&apos;en ont pas (pas de capacité «&#xa0;insert&#xa0;» dans le panneau Modèles) ont besoin d&apos;un gabarit ici.</translation>
    </message>
    <message>
        <source>The server fills the model&apos;s FIM tokens around prefix and suffix. If the answers look like chat, or the server refuses &quot;suffix&quot;, choose a template.</source>
        <translation>Le serveur place les jetons FIM du modèle autour du préfixe et du suffixe. Si les réponses ressemblent à du chat, ou si le serveur refuse «&#xa0;suffix&#xa0;», choisissez un gabarit.</translation>
    </message>
    <message>
        <source>Sent as the raw prompt (%1); stops: %2. The inspector shows the prompt of every request.</source>
        <translation>Envoyé comme prompt brut (%1)&#x202f;; arrêts&#xa0;: %2. L&apos;inspecteur montre le prompt de chaque requête.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
<context>
    <name>TextFile</name>
    <message>
        <source>The encoding %1 is not available here.</source>
        <translation>L&apos;encodage %1 n&apos;est pas disponible ici.</translation>
    </message>
    <message>
        <source>Some bytes are not valid %1; they are shown as �.</source>
        <translation>Certains octets ne sont pas du %1 valide&#x202f;; ils s&apos;affichent comme �.</translation>
    </message>
</context>
<context>
    <name>TextFormat</name>
    <message>
        <source>%1 with BOM</source>
        <translation>%1 avec BOM</translation>
    </message>
</context>
<context>
    <name>TokenProbabilityView</name>
    <message>
        <source>%1: p = %2 (log-probability %3)</source>
        <translation>%1&#xa0;: p = %2 (log-probabilité %3)</translation>
    </message>
    <message>
        <source>The server named no alternatives.</source>
        <translation>Le serveur n&apos;a nommé aucune alternative.</translation>
    </message>
    <message>
        <source>Likeliest at this step:</source>
        <translation>Les plus probables à cette étape&#xa0;:</translation>
    </message>
    <message>
        <source>No token probabilities in this answer (View ▸ Show Confidence asks llama.cpp and OpenAI-style servers for them).</source>
        <translation>Pas de probabilités de jetons dans cette réponse (Affichage ▸ Afficher la confiance les demande à llama.cpp et aux serveurs de style OpenAI).</translation>
    </message>
    <message numerus="yes">
        <source>Token probabilities: %n token(s), the suggestion&apos;s p = %1 (geometric mean); hover a token for its alternatives</source>
        <translation>
            <numerusform>Probabilités des jetons&#xa0;: %n jeton, p de la suggestion = %1 (moyenne géométrique)&#x202f;; survolez un jeton pour ses alternatives</numerusform>
            <numerusform>Probabilités des jetons&#xa0;: %n jetons, p de la suggestion = %1 (moyenne géométrique)&#x202f;; survolez un jeton pour ses alternatives</numerusform>
        </translation>
    </message>
    <message>
        <source>Token probabilities</source>
        <translation>Probabilités des jetons</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>There is no translation for &quot;%1&quot; (there are: %2); the playground stays in English.</source>
        <translation>Il n&apos;y a pas de traduction pour «&#xa0;%1&#xa0;» (il y a&#xa0;: %2)&#x202f;; le playground reste en anglais.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>FIM Playground: try fill-in-the-middle code completion against a proxy or Codestral.</source>
        <translation>FIM Playground&#xa0;: essayez la complétion de code fill-in-the-middle avec un proxy ou Codestral.</translation>
    </message>
    <message>
        <source>Base URL of the endpoint to use.</source>
        <translation>URL de base de l&apos;endpoint à utiliser.</translation>
    </message>
    <message>
        <source>Endpoint kind: codestral, proxy, llamacpp, ollama, openai or replay (answers from the history; --endpoint replay://history).</source>
        <translation>Type d&apos;endpoint&#xa0;: codestral, proxy, llamacpp, ollama, openai ou replay (réponses tirées de l&apos;historique&#x202f;; --endpoint replay://history).</translation>
    </message>
    <message>
        <source>Model to ask for.</source>
        <translation>Modèle à interroger.</translation>
    </message>
    <message>
        <source>Place the cursor at LINE:COL (1-based) in the opened file.</source>
        <translation>Placer le curseur à LIGNE:COL (à partir de 1) dans le fichier ouvert.</translation>
    </message>
    <message>
        <source>File to open.</source>
        <translation>Fichier à ouvrir.</translation>
    </message>
    <message>
        <source>Only one file can be opened, got %1.</source>
        <translation>Un seul fichier peut être ouvert, %1 reçus.</translation>
    </message>
    <message>
        <source>--endpoint needs an http:// or https:// URL (or replay://history), got &quot;%1&quot;.</source>
        <translation>--endpoint demande une URL http:// ou https:// (ou replay://history), reçu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>replay://history is the replay&apos;s URL: leave out --kind or give --kind replay.</source>
        <translation>replay://history est l&apos;URL du rejeu&#xa0;: omettez --kind ou donnez --kind replay.</translation>
    </message>
    <message>
        <source>--kind must be codestral, proxy, llamacpp, ollama, openai or replay, got &quot;%1&quot;.</source>
        <translation>--kind doit valoir codestral, proxy, llamacpp, ollama, openai ou replay, reçu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--cursor needs LINE:COL with numbers from 1, got &quot;%1&quot;.</source>
        <translation>--cursor demande LIGNE:COL avec des nombres à partir de 1, reçu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Show the window in this language (%1) instead of the system&apos;s.</source>
        <translation>Afficher la fenêtre dans cette langue (%1) plutôt que dans celle du système.</translation>
    </message>
    <message>
        <source>Print to stderr, once the window has first painted, how long each phase of the start-up took.</source>
        <translation>Afficher sur stderr, une fois la fenêtre dessinée pour la première fois, la durée de chaque phase du démarrage.</translation>
    </message>
</context>
</TS>
