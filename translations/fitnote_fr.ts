<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CapacityRow</name>
    <message>
        <source>barrier: %1</source>
        <translation>obstacle : %1</translation>
    </message>
    <message>
        <source>How this factor hinders or helps at work, e.g. noisy open-plan office</source>
        <translation>Comment ce facteur freine ou facilite le travail, p. ex. bureau paysager bruyant</translation>
    </message>
    <message>
        <source>Extent of the barrier %1</source>
        <translation>Importance de l&apos;obstacle %1</translation>
    </message>
    <message>
        <source>What the patient can do, e.g. can lift up to 5 kg</source>
        <translation>Ce que le patient peut faire, p. ex. peut soulever jusqu&apos;à 5 kg</translation>
    </message>
    <message>
        <source>Extent of difficulty for %1</source>
        <translation>Degré de limitation pour %1</translation>
    </message>
    <message>
        <source>Statement for %1</source>
        <translation>Énoncé pour %1</translation>
    </message>
    <message>
        <source>Remove this capacity</source>
        <translation>Supprimer cette capacité</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Supprimer %1</translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Unfit for</source>
        <translation>Incapacité pour</translation>
    </message>
    <message>
        <source>May leave home</source>
        <translation>Sortie du domicile autorisée</translation>
    </message>
    <message>
        <source>Expected return to work</source>
        <translation>Reprise probable du travail</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <source>Date of the accident</source>
        <translation>Date de l’accident</translation>
    </message>
    <message>
        <source>Occupational disease declared</source>
        <translation>Déclaration de maladie professionnelle</translation>
    </message>
    <message>
        <source>Hospital stay</source>
        <translation>Séjour à l’hôpital</translation>
    </message>
    <message>
        <source>Stay abroad</source>
        <translation>Séjour à l’étranger</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>Grossesse</translation>
    </message>
    <message>
        <source>Justification of the antedating</source>
        <translation>Justification de l’antidatage</translation>
    </message>
    <message>
        <source>Extent</source>
        <translation>Volume de travail</translation>
    </message>
    <message>
        <source>Nature of the work</source>
        <translation>Nature du travail</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Autorisée par</translation>
    </message>
    <message>
        <source>Incapacity since</source>
        <translation>En incapacité depuis</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Fit-note</source>
        <translation>Certificat d’aptitude</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Recommandations</translation>
    </message>
    <message>
        <source>Work capacities</source>
        <translation>Capacités de travail</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Prochaine évaluation</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Situation professionnelle</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>à partir du %1</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>principal</source>
        <translation>diagnostic principal</translation>
    </message>
    <message>
        <source>Expected delivery: %1</source>
        <translation>Date présumée de l’accouchement : %1</translation>
    </message>
    <message>
        <source>Maternity leave: %1</source>
        <translation>Repos de maternité : %1</translation>
    </message>
    <message>
        <source>%1 hours a week</source>
        <translation>%1 heures par semaine</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Ce qui a changé</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>Told to</source>
        <translation>Signalé à</translation>
    </message>
    <message>
        <source>Nothing changed yet.</source>
        <translation>Rien n’a encore changé.</translation>
    </message>
    <message>
        <source>Compared with: %1, %2</source>
        <translation>Comparé à : %1, %2</translation>
    </message>
    <message>
        <source>Reference: %1</source>
        <translation>Référence : %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Side by side…</source>
        <translation>Côte à côte…</translation>
    </message>
    <message>
        <source>What changed, side by side (Ctrl+Shift+C)</source>
        <translation>Ce qui a changé, côte à côte (Ctrl+Shift+C)</translation>
    </message>
</context>
<context>
    <name>ConsentOfferDialog</name>
    <message>
        <source>Consent for this document</source>
        <translation>Consentement pour ce document</translation>
    </message>
    <message>
        <source>On %1 the patient agreed to:</source>
        <translation>Le %1, le patient a consenti à :</translation>
    </message>
    <message>
        <source>Ask the patient again. Same consent for this document?</source>
        <translation>Redemandez au patient. Même consentement pour ce document ?</translation>
    </message>
    <message>
        <source>Same consent as on %1</source>
        <translation>Même consentement que le %1</translation>
    </message>
    <message>
        <source>Record it in the document</source>
        <translation>L&apos;enregistrer dans le document</translation>
    </message>
    <message>
        <source>electronic sending to the advising / occupational physician</source>
        <translation>envoi électronique au médecin-conseil / médecin du travail</translation>
    </message>
    <message>
        <source>the employer sees the fit-note&apos;s capacities</source>
        <translation>l&apos;employeur voit les capacités de la fit-note</translation>
    </message>
    <message>
        <source>another physician may fetch the episode</source>
        <translation>un autre médecin peut récupérer l&apos;épisode</translation>
    </message>
    <message>
        <source>consent reference: %1</source>
        <translation>référence du consentement : %1</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>jj/mm/aaaa</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Choisir une date</translation>
    </message>
    <message>
        <source>Calendar: %1</source>
        <translation>Calendrier : %1</translation>
    </message>
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>Preview PDF</source>
        <translation>Aperçu PDF</translation>
    </message>
    <message>
        <source>Preview the copies (Ctrl+P)</source>
        <translation>Aperçu des copies (Ctrl+P)</translation>
    </message>
    <message>
        <source>Sign &amp;&amp; send</source>
        <translation>Signer &amp;&amp; envoyer</translation>
    </message>
    <message>
        <source>Sign with your eID and send (Ctrl+Enter)</source>
        <translation>Signer avec votre eID et envoyer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Previous certificate</source>
        <translation>Certificat précédent</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>From the patient&apos;s copy, e.g. 6f1c2b1e-…</source>
        <translation>De la copie du patient, p. ex. 6f1c2b1e-…</translation>
    </message>
    <message>
        <source>Its period</source>
        <translation>Sa période</translation>
    </message>
    <message>
        <source>Period and reason</source>
        <translation>Période et motif</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Jusqu&apos;au</translation>
    </message>
    <message>
        <source>Type a date, or +7 for seven days from the start</source>
        <translation>Tapez une date, ou +7 pour sept jours à partir du début</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 mois</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Duration %1</source>
        <translation>Durée %1</translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
    <message>
        <source>required: first prognosis, +1 = the day after the end</source>
        <translation>obligatoire : premier pronostic, +1 = le lendemain de la fin</translation>
    </message>
    <message>
        <source>Only the advising physician sees this justification.</source>
        <translation>Seul le médecin-conseil voit cette justification.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <source>Accident date</source>
        <translation>Date de l&apos;accident</translation>
    </message>
    <message>
        <source>Disease declared on</source>
        <translation>Maladie déclarée le</translation>
    </message>
    <message>
        <source>Hospital stay</source>
        <translation>Séjour à l&apos;hôpital</translation>
    </message>
    <message>
        <source>Patient may leave the house</source>
        <translation>Le patient peut quitter le domicile</translation>
    </message>
    <message>
        <source>Partial resumption of work</source>
        <translation>Reprise partielle du travail</translation>
    </message>
    <message>
        <source>%1 (you, as the signer)</source>
        <translation>%1 (vous, en tant que signataire)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Extent</source>
        <translation>Ampleur</translation>
    </message>
    <message>
        <source>Percentage of a full-time job</source>
        <translation>Pourcentage d&apos;un temps plein</translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation>Heures par semaine</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Autorisé par</translation>
    </message>
    <message>
        <source>Related certificate</source>
        <translation>Certificat lié</translation>
    </message>
    <message>
        <source>Invalidity recognition</source>
        <translation>Reconnaissance d&apos;invalidité</translation>
    </message>
    <message>
        <source>Measure in preparation (draft law, May 2026): the yearly renewal of the invalidity recognition is not settled law yet.</source>
        <translation>Mesure en préparation (projet de loi, mai 2026) : le renouvellement annuel de la reconnaissance d&apos;invalidité n&apos;est pas encore du droit établi.</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valable du</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valable jusqu&apos;au</translation>
    </message>
    <message>
        <source>Incapacity since</source>
        <translation>En incapacité depuis</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <source>Code system</source>
        <translation>Système de codes</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Free text, e.g. lumbago with sciatica</source>
        <translation>Texte libre, p. ex. lombalgie avec sciatique</translation>
    </message>
    <message>
        <source>no code</source>
        <translation>pas de code</translation>
    </message>
    <message>
        <source>e.g. L86</source>
        <translation>p. ex. L86</translation>
    </message>
    <message>
        <source>Only the advising physician sees the diagnosis.</source>
        <translation>Seul le médecin-conseil voit le diagnostic.</translation>
    </message>
    <message>
        <source>Fit-note: what the patient can still do</source>
        <translation>Certificat d&apos;aptitude : ce que le patient peut encore faire</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Conseils</translation>
    </message>
    <message>
        <source>Free advice for the workplace (optional)</source>
        <translation>Conseils libres pour le lieu de travail (facultatif)</translation>
    </message>
    <message>
        <source>Review on</source>
        <translation>Réévaluation le</translation>
    </message>
    <message>
        <source>Work capacities (ICF)</source>
        <translation>Capacités de travail (CIF)</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Ajouté : %1</translation>
    </message>
    <message>
        <source>No capacities yet. Add what the patient can still do, with its ICF code.</source>
        <translation>Aucune capacité pour l&apos;instant. Ajoutez ce que le patient peut encore faire, avec son code CIF.</translation>
    </message>
    <message>
        <source>Add capacity…  (Ctrl+I)</source>
        <translation>Ajouter une capacité…  (Ctrl+I)</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Travail</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employeur</translation>
    </message>
    <message>
        <source>Employer&apos;s language</source>
        <translation>Langue de l&apos;employeur</translation>
    </message>
    <message>
        <source>unknown (Dutch and French copy)</source>
        <translation>inconnue (copie néerlandais et français)</translation>
    </message>
    <message>
        <source>Recipients and consent</source>
        <translation>Destinataires et consentement</translation>
    </message>
    <message>
        <source>The patient agrees that</source>
        <translation>Le patient accepte que</translation>
    </message>
    <message>
        <source>Document la&amp;nguage</source>
        <translation>Langue du docume&amp;nt</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>D&amp;u</translation>
    </message>
    <message>
        <source>Dia&amp;gnosis</source>
        <translation>Dia&amp;gnostic</translation>
    </message>
    <message>
        <source>Diagnosis %1</source>
        <translation>Diagnostic %1</translation>
    </message>
    <message>
        <source>Another diagnosis (optional)</source>
        <translation>Diagnostic secondaire (facultatif)</translation>
    </message>
    <message>
        <source>Code system of diagnosis %1</source>
        <translation>Système de codage du diagnostic %1</translation>
    </message>
    <message>
        <source>Code of diagnosis %1</source>
        <translation>Code du diagnostic %1</translation>
    </message>
    <message>
        <source>principal</source>
        <translation>principal</translation>
    </message>
    <message>
        <source>Diagnosis %1 is the principal diagnosis</source>
        <translation>Le diagnostic %1 est le diagnostic principal</translation>
    </message>
    <message>
        <source>E&amp;xpected return</source>
        <translation>Reprise &amp;probable</translation>
    </message>
    <message>
        <source>Expected return to work (required)</source>
        <translation>Reprise probable du travail (obligatoire)</translation>
    </message>
    <message>
        <source>First prognosis on the return to work, after the end date; +1 is the day after it</source>
        <translation>Premier pronostic de reprise du travail, après la date de fin ; +1 est le lendemain</translation>
    </message>
    <message>
        <source>Why antedated</source>
        <translation>Antidatage</translation>
    </message>
    <message>
        <source>Justification of the antedating</source>
        <translation>Justification de l&apos;antidatage</translation>
    </message>
    <message>
        <source>e.g. seen at home on the first day, certificate written later</source>
        <translation>p. ex. vu à domicile le premier jour, certificat rédigé plus tard</translation>
    </message>
    <message>
        <source>Incapacity for</source>
        <translation>Incapacité pour</translation>
    </message>
    <message>
        <source>Expected delivery</source>
        <translation>Accouchement</translation>
    </message>
    <message>
        <source>Expected delivery date</source>
        <translation>Date présumée de l&apos;accouchement</translation>
    </message>
    <message>
        <source>Maternity leave</source>
        <translation>Repos de maternité</translation>
    </message>
    <message>
        <source>Start of the maternity leave</source>
        <translation>Début du repos de maternité</translation>
    </message>
    <message>
        <source>End of the maternity leave</source>
        <translation>Fin du repos de maternité</translation>
    </message>
    <message>
        <source>The patient stays or stayed in hospital</source>
        <translation>Le patient est ou était hospitalisé</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>Admission</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Empty while the patient is still in hospital</source>
        <translation>Vide tant que le patient est hospitalisé</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hôpital</translation>
    </message>
    <message>
        <source>Name of the hospital</source>
        <translation>Nom de l&apos;hôpital</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Identifier of the hospital</source>
        <translation>Identifiant de l&apos;hôpital</translation>
    </message>
    <message>
        <source>optional, e.g. its RIZIV/INAMI number</source>
        <translation>facultatif, p. ex. son numéro INAMI</translation>
    </message>
    <message>
        <source>Nature of the work</source>
        <translation>Nature du travail</translation>
    </message>
    <message>
        <source>e.g. administrative tasks, no lifting, no night shifts</source>
        <translation>p. ex. tâches administratives, pas de port de charges, pas de travail de nuit</translation>
    </message>
    <message>
        <source>The physician who signs authorises: this is your own role</source>
        <translation>Le médecin qui signe autorise : c&apos;est votre propre rôle</translation>
    </message>
    <message>
        <source>Add a fi&amp;t-note to this certificate</source>
        <translation>Ajouter un certificat d&apos;ap&amp;titude</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>the certificate is sent electronically to the &amp;physicians</source>
        <translation>le certificat soit envoyé élect&amp;roniquement aux médecins</translation>
    </message>
    <message>
        <source>the employer sees the work capacities</source>
        <translation>l&apos;employeur voie les capacités de travail</translation>
    </message>
    <message>
        <source>another physician may fetch this episode to prolong it</source>
        <translation>un autre médecin puisse consulter cet épisode pour le prolonger</translation>
    </message>
    <message>
        <source>Consent reference</source>
        <translation>Référence du consentement</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Prolong</source>
        <translation>Prolonger</translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation>Rechute</translation>
    </message>
    <message>
        <source>Replace (correct)</source>
        <translation>Remplacer (corriger)</translation>
    </message>
    <message>
        <source>Duplicate as new</source>
        <translation>Dupliquer comme nouveau</translation>
    </message>
    <message>
        <source>Retract…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>optional, e.g. form number</source>
        <translation>facultatif, p. ex. numéro de formulaire</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Hospital admission</source>
        <translation>Admission à l&apos;hôpital</translation>
    </message>
    <message>
        <source>Hospital discharge</source>
        <translation>Sortie de l&apos;hôpital</translation>
    </message>
    <message>
        <source>Reference of the previous certificate</source>
        <translation>Référence du certificat précédent</translation>
    </message>
    <message>
        <source>Start of the previous certificate</source>
        <translation>Début du certificat précédent</translation>
    </message>
    <message>
        <source>End of the previous certificate</source>
        <translation>Fin du certificat précédent</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Date de réévaluation</translation>
    </message>
    <message>
        <source>Employment situation</source>
        <translation>Situation professionnelle</translation>
    </message>
    <message>
        <source>Document language</source>
        <translation>Langue du document</translation>
    </message>
    <message>
        <source>Resumption from</source>
        <translation>Reprise à partir du</translation>
    </message>
    <message>
        <source>Resumption until</source>
        <translation>Reprise jusqu&apos;au</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <source>Points to check</source>
        <translation>Points à vérifier</translation>
    </message>
    <message>
        <source>Continues the certificate</source>
        <translation>Prolonge le certificat</translation>
    </message>
    <message>
        <source>Relapse after the certificate</source>
        <translation>Rechute après le certificat</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s), until %1</source>
        <translation>
            <numerusform>%n jour, jusqu&apos;au %1</numerusform>
            <numerusform>%n jours, jusqu&apos;au %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) to complete before signing</source>
        <translation>
            <numerusform>%n point à compléter avant la signature</numerusform>
            <numerusform>%n points à compléter avant la signature</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to sign — please check the warnings</source>
        <translation>Prêt à signer — vérifiez les avertissements</translation>
    </message>
    <message>
        <source>Ready to sign</source>
        <translation>Prêt à signer</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>✓ Draft saved at %1</source>
        <translation>✓ Brouillon enregistré à %1</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Signed on %1</source>
        <translation>Signé le %1</translation>
    </message>
    <message>
        <source>Signed documents cannot be changed. What next?</source>
        <translation>Un document signé ne peut plus être modifié. Et ensuite ?</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>ExternalProlongationDialog</name>
    <message>
        <source>Prolong a certificate from elsewhere</source>
        <translation>Prolonger un certificat d&apos;un autre médecin</translation>
    </message>
    <message>
        <source>Type the reference printed on the patient&apos;s copy. With the patient&apos;s consent the episode is fetched; offline, the draft is made from the paper copy.</source>
        <translation>Tapez la référence imprimée sur la copie du patient. Avec le consentement du patient, l&apos;épisode est récupéré ; hors ligne, le brouillon est établi à partir de la copie papier.</translation>
    </message>
    <message>
        <source>Reference of the certificate</source>
        <translation>Référence du certificat</translation>
    </message>
    <message>
        <source>Type it, paste it or scan the copy&apos;s QR code</source>
        <translation>Tapez-la, collez-la ou scannez le code QR de la copie</translation>
    </message>
    <message>
        <source>Start of that certificate</source>
        <translation>Début de ce certificat</translation>
    </message>
    <message>
        <source>End of that certificate</source>
        <translation>Fin de ce certificat</translation>
    </message>
    <message>
        <source>RIZIV number of its author</source>
        <translation>Numéro INAMI de l&apos;auteur</translation>
    </message>
    <message>
        <source>The patient agrees that I fetch this episode</source>
        <translation>Le patient accepte que je consulte cet épisode</translation>
    </message>
    <message>
        <source>Consent reference</source>
        <translation>Référence du consentement</translation>
    </message>
    <message>
        <source>Open a KMEHR file…</source>
        <translation>Ouvrir un fichier KMEHR…</translation>
    </message>
    <message>
        <source>Or drop the file on this window</source>
        <translation>Ou déposez le fichier sur cette fenêtre</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Its period (paper copy)</source>
        <translation>Sa période (copie papier)</translation>
    </message>
    <message>
        <source>Author&apos;s RIZIV number</source>
        <translation>Numéro INAMI de l&apos;auteur</translation>
    </message>
    <message>
        <source>Fetch episode and prolong</source>
        <translation>Récupérer l&apos;épisode et prolonger</translation>
    </message>
    <message>
        <source>Draft from the paper copy</source>
        <translation>Brouillon à partir de la copie papier</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Open a KMEHR file</source>
        <translation>Ouvrir un fichier KMEHR</translation>
    </message>
    <message>
        <source>KMEHR message (*.xml)</source>
        <translation>Message KMEHR (*.xml)</translation>
    </message>
    <message>
        <source>Filled in from the KMEHR file: check, then make the draft.</source>
        <translation>Rempli à partir du fichier KMEHR : vérifiez, puis créez le brouillon.</translation>
    </message>
</context>
<context>
    <name>FieldMessage</name>
    <message>
        <source>Warning: %1</source>
        <translation>Attention : %1</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to Fit-note</source>
        <translation>Bienvenue dans Fit-note</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <source>%1: usually %2–%3 days.</source>
        <translation>%1 : habituellement %2 à %3 jours.</translation>
    </message>
    <message>
        <source>Source: fitnote team, clinical review pending.</source>
        <translation>Source : équipe fitnote, relecture clinique en attente.</translation>
    </message>
    <message>
        <source>Source: %1.</source>
        <translation>Source : %1.</translation>
    </message>
    <message>
        <source>This episode: %1 days, longer than usual.</source>
        <translation>Cet épisode : %1 jours, plus long que d&apos;habitude.</translation>
    </message>
    <message>
        <source>Pathology sheet (F2)</source>
        <translation>Fiche pathologie (F2)</translation>
    </message>
    <message>
        <source>Pathology sheet</source>
        <translation>Fiche pathologie</translation>
    </message>
    <message>
        <source>&amp;Justification of the duration</source>
        <translation>&amp;Justification de la durée</translation>
    </message>
    <message>
        <source>Justification of the duration</source>
        <translation>Justification de la durée</translation>
    </message>
    <message>
        <source>Why this episode needs more time</source>
        <translation>Pourquoi cet épisode demande plus de temps</translation>
    </message>
    <message>
        <source>Pathology sheet: %1</source>
        <translation>Fiche pathologie : %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Undo / redo in the document</source>
        <translation>Annuler / rétablir dans le document</translation>
    </message>
    <message>
        <source>End date: 3 days, 1 week, 2 weeks, 1 month</source>
        <translation>Date de fin : 3 jours, 1 semaine, 2 semaines, 1 mois</translation>
    </message>
    <message>
        <source>End date as a duration</source>
        <translation>Date de fin comme durée</translation>
    </message>
    <message>
        <source>type +10 or 2w in the field</source>
        <translation>tapez +10 ou 2w dans le champ</translation>
    </message>
    <message>
        <source>After a date: on to the next field still needed</source>
        <translation>Après une date : passer au champ suivant encore requis</translation>
    </message>
    <message>
        <source>Patient may leave the house: yes / no</source>
        <translation>Le patient peut quitter le domicile : oui / non</translation>
    </message>
    <message>
        <source>Y / N</source>
        <translation>O / N</translation>
    </message>
    <message>
        <source>Add ICF capacity in the editor</source>
        <translation>Ajouter une capacité CIF dans l&apos;éditeur</translation>
    </message>
    <message>
        <source>ICF picker: extent of the limitation</source>
        <translation>Sélection CIF : degré de limitation</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Everything can be done from the keyboard:</source>
        <translation>Tout peut se faire au clavier :</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>IcfPicker</name>
    <message>
        <source>Add work capacities (ICF)</source>
        <translation>Ajouter des capacités de travail (CIF)</translation>
    </message>
    <message>
        <source>Search by code or words, in any language (e.g. d430, tillen, porter)</source>
        <translation>Recherchez par code ou par mots, dans toute langue (p. ex. d430, porter, tillen)</translation>
    </message>
    <message>
        <source>&amp;Search ICF</source>
        <translation>&amp;Rechercher dans la CIF</translation>
    </message>
    <message>
        <source>Search ICF</source>
        <translation>Rechercher dans la CIF</translation>
    </message>
    <message>
        <source>Clear the ICF search</source>
        <translation>Effacer la recherche CIF</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Chapitres</translation>
    </message>
    <message>
        <source>Suggested sets</source>
        <translation>Ensembles suggérés</translation>
    </message>
    <message>
        <source>ICF search results</source>
        <translation>Résultats de recherche CIF</translation>
    </message>
    <message>
        <source>ICF chapters</source>
        <translation>Chapitres de la CIF</translation>
    </message>
    <message>
        <source>Suggested set</source>
        <translation>Ensemble suggéré</translation>
    </message>
    <message>
        <source>Categories of the suggested set</source>
        <translation>Catégories de l&apos;ensemble suggéré</translation>
    </message>
    <message>
        <source>How limited is the patient? (Alt+0 … Alt+4)</source>
        <translation>Quelle est la limitation du patient ? (Alt+0 … Alt+4)</translation>
    </message>
    <message>
        <source>What the patient can do (in the document&apos;s language)</source>
        <translation>Ce que le patient peut faire (dans la langue du document)</translation>
    </message>
    <message>
        <source>Positive statement</source>
        <translation>Énoncé positif</translation>
    </message>
    <message>
        <source>Add  (Enter)</source>
        <translation>Ajouter  (Entrée)</translation>
    </message>
    <message>
        <source>Done  (Ctrl+Enter)</source>
        <translation>Terminé  (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Results: %1</source>
        <translation>Résultats : %1</translation>
    </message>
    <message>
        <source>Suggested for the diagnosis</source>
        <translation>Suggéré pour le diagnostic</translation>
    </message>
    <message>
        <source>Choose a category</source>
        <translation>Choisissez une catégorie</translation>
    </message>
    <message>
        <source>Search on the left, or browse chapters and suggested sets.</source>
        <translation>Recherchez à gauche, ou parcourez les chapitres et les ensembles suggérés.</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Ajouté : %1</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Who are you?</source>
        <translation>Qui êtes-vous ?</translation>
    </message>
    <message>
        <source>Your name and RIZIV/INAMI number appear on every certificate.</source>
        <translation>Votre nom et votre numéro INAMI figurent sur chaque certificat.</translation>
    </message>
    <message>
        <source>as on your eID (ties your signature to you)</source>
        <translation>comme sur votre eID (relie votre signature à vous)</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>RIZIV/INAMI number</source>
        <translation>Numéro INAMI</translation>
    </message>
    <message>
        <source>National number</source>
        <translation>Numéro de registre national</translation>
    </message>
    <message>
        <source>General practitioner</source>
        <translation>Médecin généraliste</translation>
    </message>
    <message>
        <source>Specialist or other</source>
        <translation>Spécialiste ou autre</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <source>Treating physician</source>
        <translation>Médecin traitant</translation>
    </message>
    <message>
        <source>Advising physician</source>
        <translation>Médecin-conseil</translation>
    </message>
    <message>
        <source>Occupational physician</source>
        <translation>Médecin du travail</translation>
    </message>
</context>
<context>
    <name>InboxDialog</name>
    <message>
        <source>Conversations with the advising and occupational physicians</source>
        <translation>Conversations avec le médecin-conseil et le médecin du travail</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Questions with a deadline</source>
        <translation>Questions avec un délai</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>Votre réponse</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Envoyer la réponse</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>New conversation about this document</source>
        <translation>Nouvelle conversation sur ce document</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Start conversation</source>
        <translation>Démarrer la conversation</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>No questions.</source>
        <translation>Aucune question.</translation>
    </message>
    <message>
        <source>patient of another physician</source>
        <translation>patient d&apos;un autre médecin</translation>
    </message>
    <message>
        <source>No conversations yet.</source>
        <translation>Pas encore de conversations.</translation>
    </message>
    <message>
        <source>Choose a conversation.</source>
        <translation>Choisissez une conversation.</translation>
    </message>
</context>
<context>
    <name>KmehrExportDialog</name>
    <message>
        <source>Export for the EMR / mutuality (KMEHR)</source>
        <translation>Exporter pour le DMI / la mutualité (KMEHR)</translation>
    </message>
    <message>
        <source>Advising physician of the mutuality</source>
        <translation>Médecin-conseil de la mutualité</translation>
    </message>
    <message>
        <source>Medex (civil servants)</source>
        <translation>Medex (fonctionnaires)</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employeur</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Recipient (only their part of the certificate):</source>
        <translation>Destinataire (uniquement sa partie du certificat) :</translation>
    </message>
    <message>
        <source>The fit-note&apos;s ICF capacities are not part of a KMEHR message: they reach the advising and occupational physicians through the platform only.</source>
        <translation>Les capacités CIF de la fit-note ne font pas partie d&apos;un message KMEHR : elles parviennent au médecin-conseil et au médecin du travail uniquement via la plateforme.</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>KMEHR message (*.xml)</source>
        <translation>Message KMEHR (*.xml)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Incapacity certificate</source>
        <translation>Certificat d&apos;incapacité de travail</translation>
    </message>
    <message>
        <source>Fit-note</source>
        <translation>Certificat d&apos;aptitude</translation>
    </message>
    <message>
        <source>Partial resumption</source>
        <translation>Reprise partielle</translation>
    </message>
    <message>
        <source>Invalidity recognition</source>
        <translation>Reconnaissance d&apos;invalidité</translation>
    </message>
    <message>
        <source>Initial certificate</source>
        <translation>Certificat initial</translation>
    </message>
    <message>
        <source>Prolongation</source>
        <translation>Prolongation</translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation>Rechute</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Travail</translation>
    </message>
    <message>
        <source>School</source>
        <translation>École</translation>
    </message>
    <message>
        <source>Swimming</source>
        <translation>Natation</translation>
    </message>
    <message>
        <source>School sports</source>
        <translation>Sport scolaire</translation>
    </message>
    <message>
        <source>Sport</source>
        <translation>Sport</translation>
    </message>
    <message>
        <source>Heavy physical activity</source>
        <translation>Effort physique lourd</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Voyager</translation>
    </message>
    <message>
        <source>Voting</source>
        <translation>Voter</translation>
    </message>
    <message>
        <source>Illness</source>
        <translation>Maladie</translation>
    </message>
    <message>
        <source>Accident</source>
        <translation>Accident</translation>
    </message>
    <message>
        <source>Work accident</source>
        <translation>Accident du travail</translation>
    </message>
    <message>
        <source>Accident on the way to or from work</source>
        <translation>Accident sur le chemin du travail</translation>
    </message>
    <message>
        <source>Occupational disease</source>
        <translation>Maladie professionnelle</translation>
    </message>
    <message>
        <source>Pregnancy-related</source>
        <translation>Liée à la grossesse</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Salarié</translation>
    </message>
    <message>
        <source>Civil servant</source>
        <translation>Fonctionnaire</translation>
    </message>
    <message>
        <source>Self-employed</source>
        <translation>Indépendant</translation>
    </message>
    <message>
        <source>Job seeker</source>
        <translation>Demandeur d&apos;emploi</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Not fit for work</source>
        <translation>Pas apte au travail</translation>
    </message>
    <message>
        <source>May be fit for work, taking into account:</source>
        <translation>Peut être apte au travail, en tenant compte de :</translation>
    </message>
    <message>
        <source>Phased return</source>
        <translation>Reprise progressive</translation>
    </message>
    <message>
        <source>Altered hours</source>
        <translation>Horaires adaptés</translation>
    </message>
    <message>
        <source>Amended duties</source>
        <translation>Tâches adaptées</translation>
    </message>
    <message>
        <source>Workplace adaptations</source>
        <translation>Aménagements du poste de travail</translation>
    </message>
    <message>
        <source>Other work</source>
        <translation>Autre travail</translation>
    </message>
    <message>
        <source>Advising physician (mutuality)</source>
        <translation>Médecin-conseil (mutualité)</translation>
    </message>
    <message>
        <source>Occupational physician</source>
        <translation>Médecin du travail</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Employeur</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Advising physician</source>
        <translation>Médecin-conseil</translation>
    </message>
    <message>
        <source>Treating physician</source>
        <translation>Médecin traitant</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Néerlandais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Allemand</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>male</source>
        <translation>homme</translation>
    </message>
    <message>
        <source>female</source>
        <translation>femme</translation>
    </message>
    <message>
        <source>sex unknown</source>
        <translation>sexe inconnu</translation>
    </message>
    <message>
        <source>no code</source>
        <translation>pas de code</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Sent, receipt received</source>
        <translation>Envoyé, accusé de réception reçu</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signé</translation>
    </message>
    <message>
        <source>Sent, waiting for receipt</source>
        <translation>Envoyé, en attente de l&apos;accusé</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Remplacé</translation>
    </message>
    <message>
        <source>no difficulty</source>
        <translation>aucune limitation</translation>
    </message>
    <message>
        <source>mild difficulty</source>
        <translation>limitation légère</translation>
    </message>
    <message>
        <source>moderate difficulty</source>
        <translation>limitation modérée</translation>
    </message>
    <message>
        <source>severe difficulty</source>
        <translation>limitation importante</translation>
    </message>
    <message>
        <source>complete difficulty</source>
        <translation>limitation complète</translation>
    </message>
    <message>
        <source>not specified</source>
        <translation>non spécifié</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>sans objet</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Fit-note — certificates of incapacity</source>
        <translation>Fit-note — certificats d&apos;incapacité de travail</translation>
    </message>
    <message>
        <source>DEMO — fictitious physician and patients, sandbox endpoint on this computer</source>
        <translation>DÉMO — médecin et patients fictifs, plateforme de test sur cet ordinateur</translation>
    </message>
    <message>
        <source>Web desk of the advising and occupational physicians: %1</source>
        <translation>Bureau web des médecins-conseils et médecins du travail : %1</translation>
    </message>
    <message>
        <source>The browser will warn about the sandbox&apos;s own demo certificate.</source>
        <translation>Le navigateur avertira au sujet du certificat de démonstration propre à la plateforme de test.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>My patients on sick leave</source>
        <translation>Mes patients en incapacité de travail</translation>
    </message>
    <message>
        <source>Filter my patients on sick leave</source>
        <translation>Filtrer mes patients en incapacité de travail</translation>
    </message>
    <message>
        <source>Find patient</source>
        <translation>Rechercher un patient</translation>
    </message>
    <message>
        <source>New patient…</source>
        <translation>Nouveau patient…</translation>
    </message>
    <message>
        <source>Edit patient…</source>
        <translation>Modifier le patient…</translation>
    </message>
    <message>
        <source>New incapacity certificate</source>
        <translation>Nouveau certificat d&apos;incapacité</translation>
    </message>
    <message>
        <source>New stand-alone fit-note</source>
        <translation>Nouveau certificat d&apos;aptitude seul</translation>
    </message>
    <message>
        <source>New partial resumption</source>
        <translation>Nouvelle reprise partielle</translation>
    </message>
    <message>
        <source>New invalidity recognition</source>
        <translation>Nouvelle reconnaissance d&apos;invalidité</translation>
    </message>
    <message>
        <source>Prolong last certificate</source>
        <translation>Prolonger le dernier certificat</translation>
    </message>
    <message>
        <source>Prolong a certificate from elsewhere…</source>
        <translation>Prolonger le certificat d&apos;un autre médecin…</translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation>Rechute</translation>
    </message>
    <message>
        <source>Replace (correct a sent document)</source>
        <translation>Remplacer (corriger un document envoyé)</translation>
    </message>
    <message>
        <source>Duplicate as new</source>
        <translation>Dupliquer comme nouveau</translation>
    </message>
    <message>
        <source>Retract…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>Delete draft…</source>
        <translation>Supprimer le brouillon…</translation>
    </message>
    <message>
        <source>Add ICF capacity…</source>
        <translation>Ajouter une capacité CIF…</translation>
    </message>
    <message>
        <source>What changed since the previous document…</source>
        <translation>Ce qui a changé depuis le document précédent…</translation>
    </message>
    <message>
        <source>Pathology sheet of the diagnosis…</source>
        <translation>Fiche pathologie du diagnostic…</translation>
    </message>
    <message>
        <source>Preview and print PDF copies…</source>
        <translation>Aperçu et impression des copies PDF…</translation>
    </message>
    <message>
        <source>Export for the EMR / mutuality (KMEHR)…</source>
        <translation>Exporter pour le DMI / la mutualité (KMEHR)…</translation>
    </message>
    <message>
        <source>Sign and send</source>
        <translation>Signer et envoyer</translation>
    </message>
    <message>
        <source>Outbox…</source>
        <translation>Boîte d&apos;envoi…</translation>
    </message>
    <message>
        <source>Conversations (TRIO)…</source>
        <translation>Conversations (TRIO)…</translation>
    </message>
    <message>
        <source>Mirror information…</source>
        <translation>Informations miroir…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Open the web desk of the advising and occupational physicians (demo)</source>
        <translation>Ouvrir le bureau web des médecins-conseils et médecins du travail (démo)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Back to the patient</source>
        <translation>Retour au patient</translation>
    </message>
    <message>
        <source>Signed and sent. The receipt is stored.</source>
        <translation>Signé et envoyé. L&apos;accusé de réception est conservé.</translation>
    </message>
    <message>
        <source>Signed. It waits in the outbox and is sent as soon as possible.</source>
        <translation>Signé. Il attend dans la boîte d&apos;envoi et sera envoyé dès que possible.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Supprimer le brouillon</translation>
    </message>
    <message>
        <source>Delete this draft? This cannot be undone.</source>
        <translation>Supprimer ce brouillon ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Veuillez patienter</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Non effectué</translation>
    </message>
    <message>
        <source>Open that certificate</source>
        <translation>Ouvrir ce certificat</translation>
    </message>
    <message>
        <source>KMEHR message saved.</source>
        <translation>Message KMEHR enregistré.</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● En ligne</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Hors ligne</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) waiting to send</source>
        <translation>
            <numerusform>%n document en attente d&apos;envoi</numerusform>
            <numerusform>%n documents en attente d&apos;envoi</numerusform>
        </translation>
    </message>
    <message>
        <source>Outbox: Ctrl+O</source>
        <translation>Boîte d&apos;envoi : Ctrl+O</translation>
    </message>
</context>
<context>
    <name>MirrorDialog</name>
    <message>
        <source>Mirror information</source>
        <translation>Informations miroir</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <source>last %1 months</source>
        <translation>%1 derniers mois</translation>
    </message>
    <message>
        <source>Median episode length per pathology group (days)</source>
        <translation>Durée médiane des épisodes par groupe de pathologies (jours)</translation>
    </message>
    <message>
        <source>Chart: median episode length per pathology group; the table beside it</source>
        <translation>Graphique : durée médiane des épisodes par groupe de pathologies ; le tableau à côté</translation>
    </message>
    <message>
        <source>Figures per pathology group</source>
        <translation>Chiffres par groupe de pathologies</translation>
    </message>
    <message>
        <source>Pathology group</source>
        <translation>Groupe de pathologies</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
    <message>
        <source>Episodes</source>
        <translation>Épisodes</translation>
    </message>
    <message>
        <source>Median (days)</source>
        <translation>Médiane (jours)</translation>
    </message>
    <message>
        <source>With a fit-note</source>
        <translation>Avec fit-note</translation>
    </message>
    <message>
        <source>Prolonged</source>
        <translation>Prolongés</translation>
    </message>
    <message>
        <source>Partial resumption</source>
        <translation>Reprise partielle</translation>
    </message>
    <message>
        <source>Episode length of &amp;group:</source>
        <translation>Durée des épisodes du &amp;groupe :</translation>
    </message>
    <message>
        <source>Chart: share of episodes per length; the table beside it</source>
        <translation>Graphique : part des épisodes par durée ; le tableau à côté</translation>
    </message>
    <message>
        <source>Episodes per length</source>
        <translation>Épisodes par durée</translation>
    </message>
    <message>
        <source>Episode length</source>
        <translation>Durée de l&apos;épisode</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>Help (F1)</source>
        <translation>Aide (F1)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Region %1</source>
        <translation>Région %1</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>Belgique</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Tous les groupes</translation>
    </message>
    <message>
        <source>Other diagnoses</source>
        <translation>Autres diagnostics</translation>
    </message>
    <message>
        <source>Fetching the region&apos;s figures…</source>
        <translation>Récupération des chiffres de la région…</translation>
    </message>
    <message>
        <source>Region %1 and Belgium: cells with fewer than 10 physicians or 50 certificates are not shown.</source>
        <translation>Région %1 et Belgique : les cellules de moins de 10 médecins ou 50 certificats ne sont pas affichées.</translation>
    </message>
    <message>
        <source>Demo: the peers are a synthetic population.</source>
        <translation>Démo : les confrères sont une population synthétique.</translation>
    </message>
    <message>
        <source>Region figures unavailable; your own figures are shown.</source>
        <translation>Chiffres de la région indisponibles ; vos propres chiffres sont affichés.</translation>
    </message>
    <message>
        <source>too few to show</source>
        <translation>trop peu pour être affiché</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <source>episode length (days)</source>
        <translation>durée de l&apos;épisode (jours)</translation>
    </message>
    <message>
        <source>% of episodes</source>
        <translation>% des épisodes</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Fichier CSV (*.csv)</translation>
    </message>
    <message>
        <source>Your certificates of the chosen period, from this computer only, beside anonymised figures of your region and of Belgium from the platform.

A certificate counts when its period begins in the chosen period. Certificates of one patient form an episode when each begins within the relapse window (14 days) after the previous one ends; the episode belongs to the pathology group of its first certificate. Episode length: first to last day. Prolonged: more than one certificate. Partial resumption: one begins during the episode or its relapse window.

The region&apos;s and Belgium&apos;s figures are shown only for groups with at least 10 physicians and 50 certificates. Ctrl+S exports the figures as CSV.</source>
        <translation>Vos certificats de la période choisie, de cet ordinateur uniquement, à côté des chiffres anonymisés de votre région et de la Belgique fournis par la plateforme.

Un certificat compte lorsque sa période commence dans la période choisie. Les certificats d&apos;un patient forment un épisode lorsque chacun commence dans le délai de rechute (14 jours) après la fin du précédent ; l&apos;épisode appartient au groupe de pathologies de son premier certificat. Durée de l&apos;épisode : du premier au dernier jour. Prolongé : plus d&apos;un certificat. Reprise partielle : une reprise commence pendant l&apos;épisode ou son délai de rechute.

Les chiffres de la région et de la Belgique ne sont affichés que pour les groupes d&apos;au moins 10 médecins et 50 certificats. Ctrl+S exporte les chiffres en CSV.</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Prochaine tentative</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Dernier problème</translation>
    </message>
    <message>
        <source>Documents in the outbox</source>
        <translation>Documents dans la boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Nothing waiting: every signed document has been delivered.</source>
        <translation>Rien en attente : chaque document signé a été livré.</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Waiting for your action</source>
        <translation>En attente de votre action</translation>
    </message>
    <message>
        <source>When you retry</source>
        <translation>Quand vous réessayez</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>Edit patient</source>
        <translation>Modifier le patient</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Nouveau patient</translation>
    </message>
    <message>
        <source>&amp;National number</source>
        <translation>&amp;Numéro de registre national</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Prénom</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>Nom de &amp;famille</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Rue</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>e.g. 85.07.30-032.29</source>
        <translation>p. ex. 85.07.30-032.29</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Open that patient</source>
        <translation>Ouvrir ce patient</translation>
    </message>
    <message>
        <source>Born %1 · %2</source>
        <translation>Né(e) le %1 · %2</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source>Edit patient…</source>
        <translation>Modifier le patient…</translation>
    </message>
    <message>
        <source>Conversations…</source>
        <translation>Conversations…</translation>
    </message>
    <message>
        <source>With the advising and occupational physicians (Ctrl+Shift+M)</source>
        <translation>Avec le médecin-conseil et le médecin du travail (Ctrl+Maj+M)</translation>
    </message>
    <message>
        <source>New certificate</source>
        <translation>Nouveau certificat</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Prolong last certificate</source>
        <translation>Prolonger le dernier certificat</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Maj+P</translation>
    </message>
    <message>
        <source>Prolong a certificate from elsewhere…</source>
        <translation>Prolonger le certificat d&apos;un autre médecin…</translation>
    </message>
    <message>
        <source>Stand-alone fit-note</source>
        <translation>Certificat d&apos;aptitude seul</translation>
    </message>
    <message>
        <source>Partial resumption</source>
        <translation>Reprise partielle</translation>
    </message>
    <message>
        <source>Invalidity recognition</source>
        <translation>Reconnaissance d&apos;invalidité</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Questions from the advising and occupational physicians</source>
        <translation>Questions du médecin-conseil et du médecin du travail</translation>
    </message>
    <message>
        <source>Questions about this patient&apos;s documents</source>
        <translation>Questions sur les documents de ce patient</translation>
    </message>
    <message>
        <source>Copy consent reference</source>
        <translation>Copier la référence du consentement</translation>
    </message>
    <message>
        <source>A colleague needs it to fetch the episode (no medical data)</source>
        <translation>Un confrère en a besoin pour récupérer l&apos;épisode (aucune donnée médicale)</translation>
    </message>
    <message>
        <source>Documents of the patient</source>
        <translation>Documents du patient</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>né(e) le %1</translation>
    </message>
    <message>
        <source>Consent reference %1 (given on %2)</source>
        <translation>Référence du consentement %1 (donné le %2)</translation>
    </message>
</context>
<context>
    <name>PatientSearch</name>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Name or national number (Ctrl+F)</source>
        <translation>Nom ou numéro national (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Rechercher des patients</translation>
    </message>
    <message>
        <source>Clear the patient search</source>
        <translation>Effacer la recherche de patients</translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation>Patients trouvés</translation>
    </message>
    <message>
        <source>New patient…</source>
        <translation>Nouveau patient…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Maj+N</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Recent patients</source>
        <translation>Patients récents</translation>
    </message>
    <message>
        <source>No patient found. Press Enter to create one.</source>
        <translation>Aucun patient trouvé. Appuyez sur Entrée pour en créer un.</translation>
    </message>
    <message>
        <source>No patients yet.</source>
        <translation>Pas encore de patients.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Retraction of: %1</source>
        <translation>Retrait de : %1</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Patient : %1</translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation>Document : %1</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Période : %1</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>Pour : %1</translation>
    </message>
    <message>
        <source>eID PIN</source>
        <translation>Code PIN eID</translation>
    </message>
    <message>
        <source>Key file password</source>
        <translation>Mot de passe du fichier de clé</translation>
    </message>
    <message>
        <source>to log in to the platform</source>
        <translation>pour vous connecter à la plateforme</translation>
    </message>
    <message>
        <source>to sign the document</source>
        <translation>pour signer le document</translation>
    </message>
    <message>
        <source>Enter the PIN of your eID card %1.</source>
        <translation>Saisissez le code PIN de votre carte eID %1.</translation>
    </message>
    <message>
        <source>Enter the password of your signing key file %1.</source>
        <translation>Saisissez le mot de passe de votre fichier de clé %1.</translation>
    </message>
    <message>
        <source>It is used for this send only and never stored.</source>
        <translation>Il ne sert qu&apos;à cet envoi et n&apos;est jamais conservé.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <source>Your practice</source>
        <translation>Votre cabinet</translation>
    </message>
    <message>
        <source>The letterhead of the printed copies.</source>
        <translation>L&apos;en-tête des copies imprimées.</translation>
    </message>
    <message>
        <source>Practice name</source>
        <translation>Nom du cabinet</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Rue</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Languages you work in</source>
        <translation>Langues de travail</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>PDF copies</source>
        <translation>Copies PDF</translation>
    </message>
    <message>
        <source>Copy for</source>
        <translation>Copie pour</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Enregistrer le PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Dutch and French, side by side</source>
        <translation>Néerlandais et français, côte à côte</translation>
    </message>
    <message>
        <source>No preview on this computer; save the PDF to open it.</source>
        <translation>Pas d&apos;aperçu sur cet ordinateur ; enregistrez le PDF pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Enregistrer le PDF</translation>
    </message>
</context>
<context>
    <name>ProtectionPage</name>
    <message>
        <source>Protect your profile</source>
        <translation>Protégez votre profil</translation>
    </message>
    <message>
        <source>Everything is encrypted on this computer. Choose how it is unlocked.</source>
        <translation>Tout est chiffré sur cet ordinateur. Choisissez comment le déverrouiller.</translation>
    </message>
    <message>
        <source>With my computer login (system keyring)</source>
        <translation>Avec ma session de l&apos;ordinateur (trousseau du système)</translation>
    </message>
    <message>
        <source>With a passphrase</source>
        <translation>Avec une phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Phrase secrète (confirmation)</translation>
    </message>
    <message>
        <source>At least 12 characters. It cannot be recovered.</source>
        <translation>Au moins 12 caractères. Elle ne peut pas être récupérée.</translation>
    </message>
    <message>
        <source>How the profile is unlocked</source>
        <translation>Comment le profil est déverrouillé</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Confirmation</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>Question about a certificate</source>
        <translation>Question sur un certificat</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>De : %1</translation>
    </message>
    <message>
        <source>Asked on %1</source>
        <translation>Posée le %1</translation>
    </message>
    <message>
        <source>Answer by %1</source>
        <translation>Réponse pour le %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>État : %1</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Votre réponse</translation>
    </message>
    <message>
        <source>The question</source>
        <translation>La question</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>Cannot complete</source>
        <translation>Impossible de compléter</translation>
    </message>
    <message>
        <source>Say why in your answer</source>
        <translation>Expliquez pourquoi dans votre réponse</translation>
    </message>
    <message>
        <source>Complete with a new certificate…</source>
        <translation>Compléter par un nouveau certificat…</translation>
    </message>
    <message>
        <source>Opens a replacement of the certificate; the answer is sent when the platform has accepted the new certificate</source>
        <translation>Ouvre un remplacement du certificat ; la réponse part dès que la plateforme a accepté le nouveau certificat</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>A new certificate is on its way: the answer is sent when the platform has accepted it.</source>
        <translation>Un nouveau certificat est en cours d&apos;envoi : la réponse part dès que la plateforme l&apos;a accepté.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi en cours…</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>Request to complete the certificate</source>
        <translation>Demande de compléter le certificat</translation>
    </message>
    <message>
        <source>Contact request</source>
        <translation>Demande de contact</translation>
    </message>
    <message>
        <source>Question about work capacity</source>
        <translation>Question sur la capacité de travail</translation>
    </message>
    <message>
        <source>Other question</source>
        <translation>Autre question</translation>
    </message>
    <message>
        <source>Advising physician</source>
        <translation>Médecin-conseil</translation>
    </message>
    <message>
        <source>Occupational physician</source>
        <translation>Médecin du travail</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondu</translation>
    </message>
    <message>
        <source>Answered: cannot complete</source>
        <translation>Répondu : impossible de compléter</translation>
    </message>
    <message>
        <source>New certificate on its way</source>
        <translation>Nouveau certificat en cours d&apos;envoi</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Délai dépassé</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>answer by %1</source>
        <translation>réponse pour le %1</translation>
    </message>
    <message>
        <source>patient unknown here</source>
        <translation>patient inconnu ici</translation>
    </message>
</context>
<context>
    <name>RetractDialog</name>
    <message>
        <source>Issued in error</source>
        <translation>Établi par erreur</translation>
    </message>
    <message>
        <source>Replaced by a corrected document</source>
        <translation>Remplacé par un document corrigé</translation>
    </message>
    <message>
        <source>At the patient&apos;s request</source>
        <translation>À la demande du patient</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Autre raison</translation>
    </message>
    <message>
        <source>Retract</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Retract this document? The recipients are told that it is no longer valid.</source>
        <translation>Retirer ce document ? Les destinataires sont avertis qu&apos;il n&apos;est plus valable.</translation>
    </message>
    <message>
        <source>Why is it retracted?</source>
        <translation>Pourquoi est-il retiré ?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>eID card or other PKCS#11 token</source>
        <translation>Carte eID ou autre jeton PKCS#11</translation>
    </message>
    <message>
        <source>PKCS#12 key files</source>
        <translation>Fichiers de clé PKCS#12</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>e.g. 08:30, 13:30</source>
        <translation>p. ex. 08:30, 13:30</translation>
    </message>
    <message>
        <source>Signer and endpoint changes apply at the next unlock.</source>
        <translation>Les changements de signature et de plateforme s&apos;appliquent au prochain déverrouillage.</translation>
    </message>
    <message>
        <source>PKCS#11 module</source>
        <translation>Module PKCS#11</translation>
    </message>
    <message>
        <source>Token label</source>
        <translation>Libellé du jeton</translation>
    </message>
    <message>
        <source>Signature key file</source>
        <translation>Fichier de clé de signature</translation>
    </message>
    <message>
        <source>Authentication key file</source>
        <translation>Fichier de clé d&apos;authentification</translation>
    </message>
    <message>
        <source>How you sign</source>
        <translation>Comment vous signez</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Bundle d&apos;AC</translation>
    </message>
    <message>
        <source>Receipt certificate</source>
        <translation>Certificat des accusés de réception</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Verrouiller après</translation>
    </message>
    <message>
        <source>Certificates ending within</source>
        <translation>Certificats se terminant dans les</translation>
    </message>
    <message>
        <source>Reminders at</source>
        <translation>Rappels à</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <source>Signing and sending</source>
        <translation>Signature et envoi</translation>
    </message>
    <message>
        <source>How you sign (your eID card or a key file), and where to send.</source>
        <translation>Comment vous signez (carte eID ou fichier de clé) et où envoyer.</translation>
    </message>
    <message>
        <source>eID card or other PKCS#11 token</source>
        <translation>Carte eID ou autre jeton PKCS#11</translation>
    </message>
    <message>
        <source>PKCS#12 key files</source>
        <translation>Fichiers de clé PKCS#12</translation>
    </message>
    <message>
        <source>empty: the only card present</source>
        <translation>vide : la seule carte présente</translation>
    </message>
    <message>
        <source>PKCS#11 module</source>
        <translation>Module PKCS#11</translation>
    </message>
    <message>
        <source>Token label</source>
        <translation>Libellé du jeton</translation>
    </message>
    <message>
        <source>Signature key file</source>
        <translation>Fichier de clé de signature</translation>
    </message>
    <message>
        <source>Authentication key file</source>
        <translation>Fichier de clé d&apos;authentification</translation>
    </message>
    <message>
        <source>How you sign</source>
        <translation>Comment vous signez</translation>
    </message>
    <message>
        <source>Endpoint (optional; documents wait in the outbox)</source>
        <translation>Plateforme (facultatif ; les documents attendent dans la boîte d&apos;envoi)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Bundle d&apos;AC</translation>
    </message>
    <message>
        <source>Receipt certificate</source>
        <translation>Certificat des accusés de réception</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>No incapacity episode yet</source>
        <translation>Pas encore d&apos;épisode d&apos;incapacité</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>Episode since %1 · day %2 · %3</source>
        <translation>Épisode depuis le %1 · jour %2 · %3</translation>
    </message>
    <message>
        <source>Coming up:</source>
        <translation>Prochaines étapes :</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Unlock your profile</source>
        <translation>Déverrouillez votre profil</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>Phrase &amp;secrète</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Wait {seconds} s before the next try.</source>
        <translation>Attendez {seconds} s avant le prochain essai.</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Certificate until</source>
        <translation>Certificat jusqu&apos;au</translation>
    </message>
    <message>
        <source>Fit-note</source>
        <translation>Certificat d&apos;aptitude</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>Prochain contact</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Non lus</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusés : %1</translation>
    </message>
    <message>
        <source>Held: %1</source>
        <translation>Retenus : %1</translation>
    </message>
    <message>
        <source>Waiting: %1</source>
        <translation>En attente : %1</translation>
    </message>
    <message>
        <source>Not fit</source>
        <translation>Pas apte</translation>
    </message>
    <message>
        <source>Fit, adapted work</source>
        <translation>Apte, travail adapté</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>sans date de fin</translation>
    </message>
    <message>
        <source>Certificate ends</source>
        <translation>Fin du certificat</translation>
    </message>
    <message>
        <source>Invalidity recognition due</source>
        <translation>Reconnaissance d&apos;invalidité à faire</translation>
    </message>
    <message>
        <source>Question waits for your answer</source>
        <translation>Une question attend votre réponse</translation>
    </message>
    <message>
        <source>Refused at sending</source>
        <translation>Refusé à l&apos;envoi</translation>
    </message>
    <message>
        <source>Held at sending: needs your action</source>
        <translation>Retenu à l&apos;envoi : votre action est requise</translation>
    </message>
    <message>
        <source>unknown patient</source>
        <translation>patient inconnu</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <source>My patients on sick leave</source>
        <translation>Mes patients en incapacité de travail</translation>
    </message>
    <message>
        <source>Enter opens the patient. Find any patient on the left (Ctrl+F) or create one (Ctrl+Shift+N); back here with Alt+Home.</source>
        <translation>Entrée ouvre le patient. Cherchez un autre patient à gauche (Ctrl+F) ou créez-en un (Ctrl+Maj+N) ; retour ici avec Alt+Origine.</translation>
    </message>
    <message>
        <source>Needs action today</source>
        <translation>À faire aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Patients with a running incapacity</source>
        <translation>Patients en incapacité en cours</translation>
    </message>
    <message>
        <source>Filter the list (Ctrl+Shift+F)</source>
        <translation>Filtrer la liste (Ctrl+Maj+F)</translation>
    </message>
    <message>
        <source>Filter my patients on sick leave</source>
        <translation>Filtrer mes patients en incapacité de travail</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <source>Nothing needs action today.</source>
        <translation>Rien à faire aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>No patient on sick leave matches the filter.</source>
        <translation>Aucun patient en incapacité ne correspond au filtre.</translation>
    </message>
    <message>
        <source>None of your patients is on sick leave today.</source>
        <translation>Aucun de vos patients n&apos;est en incapacité de travail aujourd&apos;hui.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
</context>
</TS>
