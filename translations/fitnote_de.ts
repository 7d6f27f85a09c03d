<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CapacityRow</name>
    <message>
        <source>barrier: %1</source>
        <translation>Barriere: %1</translation>
    </message>
    <message>
        <source>How this factor hinders or helps at work, e.g. noisy open-plan office</source>
        <translation>Wie dieser Faktor die Arbeit behindert oder fördert, z. B. lautes Großraumbüro</translation>
    </message>
    <message>
        <source>Extent of the barrier %1</source>
        <translation>Ausmaß der Barriere %1</translation>
    </message>
    <message>
        <source>What the patient can do, e.g. can lift up to 5 kg</source>
        <translation>Was der Patient kann, z. B. kann bis zu 5 kg heben</translation>
    </message>
    <message>
        <source>Extent of difficulty for %1</source>
        <translation>Ausmaß der Einschränkung für %1</translation>
    </message>
    <message>
        <source>Statement for %1</source>
        <translation>Aussage zu %1</translation>
    </message>
    <message>
        <source>Remove this capacity</source>
        <translation>Diese Fähigkeit entfernen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
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
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Unfit for</source>
        <translation>Unfähig für</translation>
    </message>
    <message>
        <source>May leave home</source>
        <translation>Verlassen der Wohnung erlaubt</translation>
    </message>
    <message>
        <source>Expected return to work</source>
        <translation>Voraussichtliche Wiederaufnahme der Arbeit</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Date of the accident</source>
        <translation>Datum des Unfalls</translation>
    </message>
    <message>
        <source>Occupational disease declared</source>
        <translation>Meldung der Berufskrankheit</translation>
    </message>
    <message>
        <source>Hospital stay</source>
        <translation>Krankenhausaufenthalt</translation>
    </message>
    <message>
        <source>Stay abroad</source>
        <translation>Auslandsaufenthalt</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>Schwangerschaft</translation>
    </message>
    <message>
        <source>Justification of the antedating</source>
        <translation>Begründung der Rückdatierung</translation>
    </message>
    <message>
        <source>Extent</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>Nature of the work</source>
        <translation>Art der Arbeit</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Genehmigt durch</translation>
    </message>
    <message>
        <source>Incapacity since</source>
        <translation>Arbeitsunfähig seit</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Bemerkungen</translation>
    </message>
    <message>
        <source>Fit-note</source>
        <translation>Arbeitsfähigkeitsbescheinigung</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Empfehlungen</translation>
    </message>
    <message>
        <source>Work capacities</source>
        <translation>Arbeitsfähigkeiten</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Nächste Beurteilung</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Berufliche Situation</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>principal</source>
        <translation>Hauptdiagnose</translation>
    </message>
    <message>
        <source>Expected delivery: %1</source>
        <translation>Voraussichtlicher Geburtstermin: %1</translation>
    </message>
    <message>
        <source>Maternity leave: %1</source>
        <translation>Mutterschaftsurlaub: %1</translation>
    </message>
    <message>
        <source>%1 hours a week</source>
        <translation>%1 Stunden pro Woche</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Was hat sich geändert</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Angabe</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Told to</source>
        <translation>Mitgeteilt an</translation>
    </message>
    <message>
        <source>Nothing changed yet.</source>
        <translation>Noch nichts geändert.</translation>
    </message>
    <message>
        <source>Compared with: %1, %2</source>
        <translation>Verglichen mit: %1, %2</translation>
    </message>
    <message>
        <source>Reference: %1</source>
        <translation>Referenz: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Side by side…</source>
        <translation>Nebeneinander…</translation>
    </message>
    <message>
        <source>What changed, side by side (Ctrl+Shift+C)</source>
        <translation>Was hat sich geändert, nebeneinander (Ctrl+Shift+C)</translation>
    </message>
</context>
<context>
    <name>ConsentOfferDialog</name>
    <message>
        <source>Consent for this document</source>
        <translation>Einwilligung für dieses Dokument</translation>
    </message>
    <message>
        <source>On %1 the patient agreed to:</source>
        <translation>Am %1 hat der Patient eingewilligt in:</translation>
    </message>
    <message>
        <source>Ask the patient again. Same consent for this document?</source>
        <translation>Fragen Sie den Patienten erneut. Gleiche Einwilligung für dieses Dokument?</translation>
    </message>
    <message>
        <source>Same consent as on %1</source>
        <translation>Gleiche Einwilligung wie am %1</translation>
    </message>
    <message>
        <source>Record it in the document</source>
        <translation>Im Dokument erfassen</translation>
    </message>
    <message>
        <source>electronic sending to the advising / occupational physician</source>
        <translation>elektronischer Versand an den Vertrauensarzt / Arbeitsarzt</translation>
    </message>
    <message>
        <source>the employer sees the fit-note&apos;s capacities</source>
        <translation>der Arbeitgeber sieht die Fähigkeiten aus der Fit-Note</translation>
    </message>
    <message>
        <source>another physician may fetch the episode</source>
        <translation>ein anderer Arzt darf die Episode abrufen</translation>
    </message>
    <message>
        <source>consent reference: %1</source>
        <translation>Referenz der Einwilligung: %1</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>TT/MM/JJJJ</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Datum wählen</translation>
    </message>
    <message>
        <source>Calendar: %1</source>
        <translation>Kalender: %1</translation>
    </message>
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>Preview PDF</source>
        <translation>PDF-Vorschau</translation>
    </message>
    <message>
        <source>Preview the copies (Ctrl+P)</source>
        <translation>Vorschau der Kopien (Strg+P)</translation>
    </message>
    <message>
        <source>Sign &amp;&amp; send</source>
        <translation>Unterschreiben &amp;&amp; senden</translation>
    </message>
    <message>
        <source>Sign with your eID and send (Ctrl+Enter)</source>
        <translation>Mit Ihrer eID unterschreiben und senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Previous certificate</source>
        <translation>Vorherige Bescheinigung</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>From the patient&apos;s copy, e.g. 6f1c2b1e-…</source>
        <translation>Von der Kopie des Patienten, z. B. 6f1c2b1e-…</translation>
    </message>
    <message>
        <source>Its period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Period and reason</source>
        <translation>Zeitraum und Grund</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>B&amp;is</translation>
    </message>
    <message>
        <source>Type a date, or +7 for seven days from the start</source>
        <translation>Datum eingeben, oder +7 für sieben Tage ab Beginn</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 Monat</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Duration %1</source>
        <translation>Dauer %1</translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
    <message>
        <source>required: first prognosis, +1 = the day after the end</source>
        <translation>Pflichtfeld: erste Prognose, +1 = der Tag nach dem Ende</translation>
    </message>
    <message>
        <source>Only the advising physician sees this justification.</source>
        <translation>Nur der Vertrauensarzt sieht diese Begründung.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>Accident date</source>
        <translation>Unfalldatum</translation>
    </message>
    <message>
        <source>Disease declared on</source>
        <translation>Krankheit gemeldet am</translation>
    </message>
    <message>
        <source>Hospital stay</source>
        <translation>Krankenhausaufenthalt</translation>
    </message>
    <message>
        <source>Patient may leave the house</source>
        <translation>Patient darf das Haus verlassen</translation>
    </message>
    <message>
        <source>Partial resumption of work</source>
        <translation>Teilweise Wiederaufnahme der Arbeit</translation>
    </message>
    <message>
        <source>%1 (you, as the signer)</source>
        <translation>%1 (Sie, als Unterzeichner)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Extent</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>Percentage of a full-time job</source>
        <translation>Prozent einer Vollzeitstelle</translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation>Stunden pro Woche</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Genehmigt von</translation>
    </message>
    <message>
        <source>Related certificate</source>
        <translation>Zugehörige Bescheinigung</translation>
    </message>
    <message>
        <source>Invalidity recognition</source>
        <translation>Anerkennung der Invalidität</translation>
    </message>
    <message>
        <source>Measure in preparation (draft law, May 2026): the yearly renewal of the invalidity recognition is not settled law yet.</source>
        <translation>Maßnahme in Vorbereitung (Gesetzentwurf, Mai 2026): Die jährliche Erneuerung der Invaliditätsanerkennung ist noch kein geltendes Recht.</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Incapacity since</source>
        <translation>Arbeitsunfähig seit</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Bemerkungen</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Code system</source>
        <translation>Codesystem</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Free text, e.g. lumbago with sciatica</source>
        <translation>Freitext, z. B. Lumbago mit Ischias</translation>
    </message>
    <message>
        <source>no code</source>
        <translation>kein Code</translation>
    </message>
    <message>
        <source>e.g. L86</source>
        <translation>z. B. L86</translation>
    </message>
    <message>
        <source>Only the advising physician sees the diagnosis.</source>
        <translation>Nur der Vertrauensarzt sieht die Diagnose.</translation>
    </message>
    <message>
        <source>Fit-note: what the patient can still do</source>
        <translation>Eignungsbescheinigung: was der Patient noch kann</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Empfehlungen</translation>
    </message>
    <message>
        <source>Free advice for the workplace (optional)</source>
        <translation>Freie Empfehlungen für den Arbeitsplatz (optional)</translation>
    </message>
    <message>
        <source>Review on</source>
        <translation>Neubewertung am</translation>
    </message>
    <message>
        <source>Work capacities (ICF)</source>
        <translation>Arbeitsfähigkeiten (ICF)</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Hinzugefügt: %1</translation>
    </message>
    <message>
        <source>No capacities yet. Add what the patient can still do, with its ICF code.</source>
        <translation>Noch keine Fähigkeiten. Fügen Sie hinzu, was der Patient noch kann, mit ICF-Code.</translation>
    </message>
    <message>
        <source>Add capacity…  (Ctrl+I)</source>
        <translation>Fähigkeit hinzufügen…  (Strg+I)</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Arbeit</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tätigkeit</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Arbeitgeber</translation>
    </message>
    <message>
        <source>Employer&apos;s language</source>
        <translation>Sprache des Arbeitgebers</translation>
    </message>
    <message>
        <source>unknown (Dutch and French copy)</source>
        <translation>unbekannt (Kopie Niederländisch und Französisch)</translation>
    </message>
    <message>
        <source>Recipients and consent</source>
        <translation>Empfänger und Einwilligung</translation>
    </message>
    <message>
        <source>The patient agrees that</source>
        <translation>Der Patient ist einverstanden, dass</translation>
    </message>
    <message>
        <source>Document la&amp;nguage</source>
        <translation>Sprache des Doku&amp;ments</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>Dia&amp;gnosis</source>
        <translation>Diag&amp;nose</translation>
    </message>
    <message>
        <source>Diagnosis %1</source>
        <translation>Diagnose %1</translation>
    </message>
    <message>
        <source>Another diagnosis (optional)</source>
        <translation>Nebendiagnose (optional)</translation>
    </message>
    <message>
        <source>Code system of diagnosis %1</source>
        <translation>Codesystem der Diagnose %1</translation>
    </message>
    <message>
        <source>Code of diagnosis %1</source>
        <translation>Code der Diagnose %1</translation>
    </message>
    <message>
        <source>principal</source>
        <translation>Hauptdiagnose</translation>
    </message>
    <message>
        <source>Diagnosis %1 is the principal diagnosis</source>
        <translation>Diagnose %1 ist die Hauptdiagnose</translation>
    </message>
    <message>
        <source>E&amp;xpected return</source>
        <translation>&amp;Wiederaufnahme</translation>
    </message>
    <message>
        <source>Expected return to work (required)</source>
        <translation>Voraussichtliche Wiederaufnahme der Arbeit (Pflichtfeld)</translation>
    </message>
    <message>
        <source>First prognosis on the return to work, after the end date; +1 is the day after it</source>
        <translation>Erste Prognose der Wiederaufnahme der Arbeit, nach dem Enddatum; +1 ist der Tag danach</translation>
    </message>
    <message>
        <source>Why antedated</source>
        <translation>Rückdatierung</translation>
    </message>
    <message>
        <source>Justification of the antedating</source>
        <translation>Begründung der Rückdatierung</translation>
    </message>
    <message>
        <source>e.g. seen at home on the first day, certificate written later</source>
        <translation>z. B. am ersten Tag zu Hause gesehen, Bescheinigung später ausgestellt</translation>
    </message>
    <message>
        <source>Incapacity for</source>
        <translation>Unfähig für</translation>
    </message>
    <message>
        <source>Expected delivery</source>
        <translation>Geburtstermin</translation>
    </message>
    <message>
        <source>Expected delivery date</source>
        <translation>Voraussichtlicher Geburtstermin</translation>
    </message>
    <message>
        <source>Maternity leave</source>
        <translation>Mutterschaftsurlaub</translation>
    </message>
    <message>
        <source>Start of the maternity leave</source>
        <translation>Beginn des Mutterschaftsurlaubs</translation>
    </message>
    <message>
        <source>End of the maternity leave</source>
        <translation>Ende des Mutterschaftsurlaubs</translation>
    </message>
    <message>
        <source>The patient stays or stayed in hospital</source>
        <translation>Der Patient ist oder war im Krankenhaus</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>Entlassung</translation>
    </message>
    <message>
        <source>Empty while the patient is still in hospital</source>
        <translation>Leer, solange der Patient im Krankenhaus ist</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Krankenhaus</translation>
    </message>
    <message>
        <source>Name of the hospital</source>
        <translation>Name des Krankenhauses</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Identifier of the hospital</source>
        <translation>Kennung des Krankenhauses</translation>
    </message>
    <message>
        <source>optional, e.g. its RIZIV/INAMI number</source>
        <translation>optional, z. B. die LIKIV-Nummer</translation>
    </message>
    <message>
        <source>Nature of the work</source>
        <translation>Art der Arbeit</translation>
    </message>
    <message>
        <source>e.g. administrative tasks, no lifting, no night shifts</source>
        <translation>z. B. Verwaltungsaufgaben, kein Heben, keine Nachtschichten</translation>
    </message>
    <message>
        <source>The physician who signs authorises: this is your own role</source>
        <translation>Der unterzeichnende Arzt genehmigt: Das ist Ihre eigene Rolle</translation>
    </message>
    <message>
        <source>Add a fi&amp;t-note to this certificate</source>
        <translation>Eine &amp;Eignungsbescheinigung hinzufügen</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>the certificate is sent electronically to the &amp;physicians</source>
        <translation>die Bescheinigung elektronisch an die Ä&amp;rzte geht</translation>
    </message>
    <message>
        <source>the employer sees the work capacities</source>
        <translation>der Arbeitgeber die Arbeitsfähigkeiten sieht</translation>
    </message>
    <message>
        <source>another physician may fetch this episode to prolong it</source>
        <translation>ein anderer Arzt diese Episode zum Verlängern abrufen darf</translation>
    </message>
    <message>
        <source>Consent reference</source>
        <translation>Referenz der Einwilligung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Prolong</source>
        <translation>Verlängern</translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation>Rückfall</translation>
    </message>
    <message>
        <source>Replace (correct)</source>
        <translation>Ersetzen (korrigieren)</translation>
    </message>
    <message>
        <source>Duplicate as new</source>
        <translation>Als neu duplizieren</translation>
    </message>
    <message>
        <source>Retract…</source>
        <translation>Zurückziehen…</translation>
    </message>
    <message>
        <source>optional, e.g. form number</source>
        <translation>optional, z. B. Formularnummer</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Beginndatum</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Enddatum</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Hospital admission</source>
        <translation>Krankenhausaufnahme</translation>
    </message>
    <message>
        <source>Hospital discharge</source>
        <translation>Krankenhausentlassung</translation>
    </message>
    <message>
        <source>Reference of the previous certificate</source>
        <translation>Referenz der vorherigen Bescheinigung</translation>
    </message>
    <message>
        <source>Start of the previous certificate</source>
        <translation>Beginn der vorherigen Bescheinigung</translation>
    </message>
    <message>
        <source>End of the previous certificate</source>
        <translation>Ende der vorherigen Bescheinigung</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Datum der Neubewertung</translation>
    </message>
    <message>
        <source>Employment situation</source>
        <translation>Beschäftigungssituation</translation>
    </message>
    <message>
        <source>Document language</source>
        <translation>Sprache des Dokuments</translation>
    </message>
    <message>
        <source>Resumption from</source>
        <translation>Wiederaufnahme ab</translation>
    </message>
    <message>
        <source>Resumption until</source>
        <translation>Wiederaufnahme bis</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>Prozentsatz</translation>
    </message>
    <message>
        <source>Points to check</source>
        <translation>Zu prüfende Punkte</translation>
    </message>
    <message>
        <source>Continues the certificate</source>
        <translation>Verlängert die Bescheinigung</translation>
    </message>
    <message>
        <source>Relapse after the certificate</source>
        <translation>Rückfall nach der Bescheinigung</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s), until %1</source>
        <translation>
            <numerusform>%n Tag, bis %1</numerusform>
            <numerusform>%n Tage, bis %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) to complete before signing</source>
        <translation>
            <numerusform>%n Punkt vor dem Unterschreiben zu ergänzen</numerusform>
            <numerusform>%n Punkte vor dem Unterschreiben zu ergänzen</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to sign — please check the warnings</source>
        <translation>Bereit zum Unterschreiben — bitte die Hinweise prüfen</translation>
    </message>
    <message>
        <source>Ready to sign</source>
        <translation>Bereit zum Unterschreiben</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>✓ Draft saved at %1</source>
        <translation>✓ Entwurf gespeichert um %1</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Signed on %1</source>
        <translation>Unterschrieben am %1</translation>
    </message>
    <message>
        <source>Signed documents cannot be changed. What next?</source>
        <translation>Ein unterschriebenes Dokument kann nicht mehr geändert werden. Wie weiter?</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Verfasser</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ExternalProlongationDialog</name>
    <message>
        <source>Prolong a certificate from elsewhere</source>
        <translation>Bescheinigung eines anderen Arztes verlängern</translation>
    </message>
    <message>
        <source>Type the reference printed on the patient&apos;s copy. With the patient&apos;s consent the episode is fetched; offline, the draft is made from the paper copy.</source>
        <translation>Geben Sie die Referenz von der Kopie des Patienten ein. Mit Einwilligung des Patienten wird die Episode abgerufen; offline wird der Entwurf aus der Papierkopie erstellt.</translation>
    </message>
    <message>
        <source>Reference of the certificate</source>
        <translation>Referenz der Bescheinigung</translation>
    </message>
    <message>
        <source>Type it, paste it or scan the copy&apos;s QR code</source>
        <translation>Eingeben, einfügen oder den QR-Code der Kopie scannen</translation>
    </message>
    <message>
        <source>Start of that certificate</source>
        <translation>Beginn dieser Bescheinigung</translation>
    </message>
    <message>
        <source>End of that certificate</source>
        <translation>Ende dieser Bescheinigung</translation>
    </message>
    <message>
        <source>RIZIV number of its author</source>
        <translation>LIKIV-Nummer des Verfassers</translation>
    </message>
    <message>
        <source>The patient agrees that I fetch this episode</source>
        <translation>Der Patient ist einverstanden, dass ich diese Episode abrufe</translation>
    </message>
    <message>
        <source>Consent reference</source>
        <translation>Referenz der Einwilligung</translation>
    </message>
    <message>
        <source>Open a KMEHR file…</source>
        <translation>KMEHR-Datei öffnen…</translation>
    </message>
    <message>
        <source>Or drop the file on this window</source>
        <translation>Oder die Datei auf dieses Fenster ziehen</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Its period (paper copy)</source>
        <translation>Zeitraum (Papierkopie)</translation>
    </message>
    <message>
        <source>Author&apos;s RIZIV number</source>
        <translation>LIKIV-Nummer des Verfassers</translation>
    </message>
    <message>
        <source>Fetch episode and prolong</source>
        <translation>Episode abrufen und verlängern</translation>
    </message>
    <message>
        <source>Draft from the paper copy</source>
        <translation>Entwurf aus der Papierkopie</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open a KMEHR file</source>
        <translation>KMEHR-Datei öffnen</translation>
    </message>
    <message>
        <source>KMEHR message (*.xml)</source>
        <translation>KMEHR-Nachricht (*.xml)</translation>
    </message>
    <message>
        <source>Filled in from the KMEHR file: check, then make the draft.</source>
        <translation>Aus der KMEHR-Datei ausgefüllt: prüfen, dann den Entwurf erstellen.</translation>
    </message>
</context>
<context>
    <name>FieldMessage</name>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to Fit-note</source>
        <translation>Willkommen bei Fit-note</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <source>%1: usually %2–%3 days.</source>
        <translation>%1: üblicherweise %2–%3 Tage.</translation>
    </message>
    <message>
        <source>Source: fitnote team, clinical review pending.</source>
        <translation>Quelle: fitnote-Team, klinische Prüfung ausstehend.</translation>
    </message>
    <message>
        <source>Source: %1.</source>
        <translation>Quelle: %1.</translation>
    </message>
    <message>
        <source>This episode: %1 days, longer than usual.</source>
        <translation>Diese Episode: %1 Tage, länger als üblich.</translation>
    </message>
    <message>
        <source>Pathology sheet (F2)</source>
        <translation>Krankheitsblatt (F2)</translation>
    </message>
    <message>
        <source>Pathology sheet</source>
        <translation>Krankheitsblatt</translation>
    </message>
    <message>
        <source>&amp;Justification of the duration</source>
        <translation>&amp;Begründung der Dauer</translation>
    </message>
    <message>
        <source>Justification of the duration</source>
        <translation>Begründung der Dauer</translation>
    </message>
    <message>
        <source>Why this episode needs more time</source>
        <translation>Warum diese Episode mehr Zeit braucht</translation>
    </message>
    <message>
        <source>Pathology sheet: %1</source>
        <translation>Krankheitsblatt: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Undo / redo in the document</source>
        <translation>Rückgängig / wiederholen im Dokument</translation>
    </message>
    <message>
        <source>End date: 3 days, 1 week, 2 weeks, 1 month</source>
        <translation>Enddatum: 3 Tage, 1 Woche, 2 Wochen, 1 Monat</translation>
    </message>
    <message>
        <source>End date as a duration</source>
        <translation>Enddatum als Dauer</translation>
    </message>
    <message>
        <source>type +10 or 2w in the field</source>
        <translation>+10 oder 2w ins Feld eingeben</translation>
    </message>
    <message>
        <source>After a date: on to the next field still needed</source>
        <translation>Nach einem Datum: weiter zum nächsten noch nötigen Feld</translation>
    </message>
    <message>
        <source>Patient may leave the house: yes / no</source>
        <translation>Patient darf das Haus verlassen: ja / nein</translation>
    </message>
    <message>
        <source>Y / N</source>
        <translation>J / N</translation>
    </message>
    <message>
        <source>Add ICF capacity in the editor</source>
        <translation>ICF-Fähigkeit im Editor hinzufügen</translation>
    </message>
    <message>
        <source>ICF picker: extent of the limitation</source>
        <translation>ICF-Auswahl: Ausmaß der Einschränkung</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Everything can be done from the keyboard:</source>
        <translation>Alles geht mit der Tastatur:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>IcfPicker</name>
    <message>
        <source>Add work capacities (ICF)</source>
        <translation>Arbeitsfähigkeiten hinzufügen (ICF)</translation>
    </message>
    <message>
        <source>Search by code or words, in any language (e.g. d430, tillen, porter)</source>
        <translation>Suche nach Code oder Wörtern, in jeder Sprache (z. B. d430, heben, porter)</translation>
    </message>
    <message>
        <source>&amp;Search ICF</source>
        <translation>In der ICF &amp;suchen</translation>
    </message>
    <message>
        <source>Search ICF</source>
        <translation>ICF durchsuchen</translation>
    </message>
    <message>
        <source>Clear the ICF search</source>
        <translation>ICF-Suche löschen</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Kapitel</translation>
    </message>
    <message>
        <source>Suggested sets</source>
        <translation>Vorgeschlagene Sets</translation>
    </message>
    <message>
        <source>ICF search results</source>
        <translation>ICF-Suchergebnisse</translation>
    </message>
    <message>
        <source>ICF chapters</source>
        <translation>ICF-Kapitel</translation>
    </message>
    <message>
        <source>Suggested set</source>
        <translation>Vorgeschlagenes Set</translation>
    </message>
    <message>
        <source>Categories of the suggested set</source>
        <translation>Kategorien des vorgeschlagenen Sets</translation>
    </message>
    <message>
        <source>How limited is the patient? (Alt+0 … Alt+4)</source>
        <translation>Wie eingeschränkt ist der Patient? (Alt+0 … Alt+4)</translation>
    </message>
    <message>
        <source>What the patient can do (in the document&apos;s language)</source>
        <translation>Was der Patient kann (in der Sprache des Dokuments)</translation>
    </message>
    <message>
        <source>Positive statement</source>
        <translation>Positive Aussage</translation>
    </message>
    <message>
        <source>Add  (Enter)</source>
        <translation>Hinzufügen  (Eingabe)</translation>
    </message>
    <message>
        <source>Done  (Ctrl+Enter)</source>
        <translation>Fertig  (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Results: %1</source>
        <translation>Ergebnisse: %1</translation>
    </message>
    <message>
        <source>Suggested for the diagnosis</source>
        <translation>Für die Diagnose vorgeschlagen</translation>
    </message>
    <message>
        <source>Choose a category</source>
        <translation>Kategorie wählen</translation>
    </message>
    <message>
        <source>Search on the left, or browse chapters and suggested sets.</source>
        <translation>Links suchen, oder Kapitel und vorgeschlagene Sets durchblättern.</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Hinzugefügt: %1</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Who are you?</source>
        <translation>Wer sind Sie?</translation>
    </message>
    <message>
        <source>Your name and RIZIV/INAMI number appear on every certificate.</source>
        <translation>Ihr Name und Ihre LIKIV-Nummer stehen auf jeder Bescheinigung.</translation>
    </message>
    <message>
        <source>as on your eID (ties your signature to you)</source>
        <translation>wie auf Ihrer eID (verbindet Ihre Unterschrift mit Ihnen)</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <source>RIZIV/INAMI number</source>
        <translation>LIKIV-Nummer</translation>
    </message>
    <message>
        <source>National number</source>
        <translation>Nationalregisternummer</translation>
    </message>
    <message>
        <source>General practitioner</source>
        <translation>Allgemeinmediziner</translation>
    </message>
    <message>
        <source>Specialist or other</source>
        <translation>Facharzt oder andere</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <source>Treating physician</source>
        <translation>Behandelnder Arzt</translation>
    </message>
    <message>
        <source>Advising physician</source>
        <translation>Vertrauensarzt</translation>
    </message>
    <message>
        <source>Occupational physician</source>
        <translation>Arbeitsmediziner</translation>
    </message>
</context>
<context>
    <name>InboxDialog</name>
    <message>
        <source>Conversations with the advising and occupational physicians</source>
        <translation>Gespräche mit dem Vertrauensarzt und dem Arbeitsmediziner</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <source>Questions with a deadline</source>
        <translation>Fragen mit Frist</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>New conversation about this document</source>
        <translation>Neues Gespräch zu diesem Dokument</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Start conversation</source>
        <translation>Gespräch beginnen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No questions.</source>
        <translation>Keine Fragen.</translation>
    </message>
    <message>
        <source>patient of another physician</source>
        <translation>Patient eines anderen Arztes</translation>
    </message>
    <message>
        <source>No conversations yet.</source>
        <translation>Noch keine Gespräche.</translation>
    </message>
    <message>
        <source>Choose a conversation.</source>
        <translation>Wählen Sie ein Gespräch.</translation>
    </message>
</context>
<context>
    <name>KmehrExportDialog</name>
    <message>
        <source>Export for the EMR / mutuality (KMEHR)</source>
        <translation>Export für die EPA / Krankenkasse (KMEHR)</translation>
    </message>
    <message>
        <source>Advising physician of the mutuality</source>
        <translation>Vertrauensarzt der Krankenkasse</translation>
    </message>
    <message>
        <source>Medex (civil servants)</source>
        <translation>Medex (Beamte)</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Arbeitgeber</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Recipient (only their part of the certificate):</source>
        <translation>Empfänger (nur sein Teil der Bescheinigung):</translation>
    </message>
    <message>
        <source>The fit-note&apos;s ICF capacities are not part of a KMEHR message: they reach the advising and occupational physicians through the platform only.</source>
        <translation>Die ICF-Fähigkeiten der Fit-Note sind nicht Teil einer KMEHR-Nachricht: Sie erreichen Vertrauens- und Arbeitsarzt nur über die Plattform.</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>KMEHR message (*.xml)</source>
        <translation>KMEHR-Nachricht (*.xml)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Incapacity certificate</source>
        <translation>Arbeitsunfähigkeitsbescheinigung</translation>
    </message>
    <message>
        <source>Fit-note</source>
        <translation>Eignungsbescheinigung</translation>
    </message>
    <message>
        <source>Partial resumption</source>
        <translation>Teilweise Wiederaufnahme</translation>
    </message>
    <message>
        <source>Invalidity recognition</source>
        <translation>Anerkennung der Invalidität</translation>
    </message>
    <message>
        <source>Initial certificate</source>
        <translation>Erstbescheinigung</translation>
    </message>
    <message>
        <source>Prolongation</source>
        <translation>Verlängerung</translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation>Rückfall</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Arbeit</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Schule</translation>
    </message>
    <message>
        <source>Swimming</source>
        <translation>Schwimmen</translation>
    </message>
    <message>
        <source>School sports</source>
        <translation>Schulsport</translation>
    </message>
    <message>
        <source>Sport</source>
        <translation>Sport</translation>
    </message>
    <message>
        <source>Heavy physical activity</source>
        <translation>Schwere körperliche Tätigkeit</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Reisen</translation>
    </message>
    <message>
        <source>Voting</source>
        <translation>Wählen</translation>
    </message>
    <message>
        <source>Illness</source>
        <translation>Krankheit</translation>
    </message>
    <message>
        <source>Accident</source>
        <translation>Unfall</translation>
    </message>
    <message>
        <source>Work accident</source>
        <translation>Arbeitsunfall</translation>
    </message>
    <message>
        <source>Accident on the way to or from work</source>
        <translation>Wegeunfall</translation>
    </message>
    <message>
        <source>Occupational disease</source>
        <translation>Berufskrankheit</translation>
    </message>
    <message>
        <source>Pregnancy-related</source>
        <translation>Schwangerschaftsbedingt</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Arbeitnehmer</translation>
    </message>
    <message>
        <source>Civil servant</source>
        <translation>Beamter</translation>
    </message>
    <message>
        <source>Self-employed</source>
        <translation>Selbständiger</translation>
    </message>
    <message>
        <source>Job seeker</source>
        <translation>Arbeitsuchender</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Not fit for work</source>
        <translation>Nicht arbeitsfähig</translation>
    </message>
    <message>
        <source>May be fit for work, taking into account:</source>
        <translation>Kann arbeitsfähig sein, unter Berücksichtigung von:</translation>
    </message>
    <message>
        <source>Phased return</source>
        <translation>Stufenweise Wiedereingliederung</translation>
    </message>
    <message>
        <source>Altered hours</source>
        <translation>Angepasste Arbeitszeiten</translation>
    </message>
    <message>
        <source>Amended duties</source>
        <translation>Angepasste Aufgaben</translation>
    </message>
    <message>
        <source>Workplace adaptations</source>
        <translation>Anpassungen des Arbeitsplatzes</translation>
    </message>
    <message>
        <source>Other work</source>
        <translation>Andere Arbeit</translation>
    </message>
    <message>
        <source>Advising physician (mutuality)</source>
        <translation>Vertrauensarzt (Krankenkasse)</translation>
    </message>
    <message>
        <source>Occupational physician</source>
        <translation>Arbeitsmediziner</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Arbeitgeber</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Advising physician</source>
        <translation>Vertrauensarzt</translation>
    </message>
    <message>
        <source>Treating physician</source>
        <translation>Behandelnder Arzt</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Niederländisch</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Französisch</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>sex unknown</source>
        <translation>Geschlecht unbekannt</translation>
    </message>
    <message>
        <source>no code</source>
        <translation>kein Code</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Sent, receipt received</source>
        <translation>Gesendet, Empfangsbestätigung erhalten</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Unterschrieben</translation>
    </message>
    <message>
        <source>Sent, waiting for receipt</source>
        <translation>Gesendet, wartet auf Bestätigung</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Ersetzt</translation>
    </message>
    <message>
        <source>no difficulty</source>
        <translation>keine Einschränkung</translation>
    </message>
    <message>
        <source>mild difficulty</source>
        <translation>leichte Einschränkung</translation>
    </message>
    <message>
        <source>moderate difficulty</source>
        <translation>mäßige Einschränkung</translation>
    </message>
    <message>
        <source>severe difficulty</source>
        <translation>erhebliche Einschränkung</translation>
    </message>
    <message>
        <source>complete difficulty</source>
        <translation>vollständige Einschränkung</translation>
    </message>
    <message>
        <source>not specified</source>
        <translation>nicht spezifiziert</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>nicht anwendbar</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Fit-note — certificates of incapacity</source>
        <translation>Fit-note — Arbeitsunfähigkeitsbescheinigungen</translation>
    </message>
    <message>
        <source>DEMO — fictitious physician and patients, sandbox endpoint on this computer</source>
        <translation>DEMO — fiktiver Arzt und Patienten, Testplattform auf diesem Computer</translation>
    </message>
    <message>
        <source>Web desk of the advising and occupational physicians: %1</source>
        <translation>Web-Schalter der Vertrauensärzte und Arbeitsärzte: %1</translation>
    </message>
    <message>
        <source>The browser will warn about the sandbox&apos;s own demo certificate.</source>
        <translation>Der Browser wird vor dem eigenen Demo-Zertifikat der Testplattform warnen.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>Do&amp;kument</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>My patients on sick leave</source>
        <translation>Meine arbeitsunfähigen Patienten</translation>
    </message>
    <message>
        <source>Filter my patients on sick leave</source>
        <translation>Meine arbeitsunfähigen Patienten filtern</translation>
    </message>
    <message>
        <source>Find patient</source>
        <translation>Patient suchen</translation>
    </message>
    <message>
        <source>New patient…</source>
        <translation>Neuer Patient…</translation>
    </message>
    <message>
        <source>Edit patient…</source>
        <translation>Patient bearbeiten…</translation>
    </message>
    <message>
        <source>New incapacity certificate</source>
        <translation>Neue Arbeitsunfähigkeitsbescheinigung</translation>
    </message>
    <message>
        <source>New stand-alone fit-note</source>
        <translation>Neue eigenständige Eignungsbescheinigung</translation>
    </message>
    <message>
        <source>New partial resumption</source>
        <translation>Neue teilweise Wiederaufnahme</translation>
    </message>
    <message>
        <source>New invalidity recognition</source>
        <translation>Neue Anerkennung der Invalidität</translation>
    </message>
    <message>
        <source>Prolong last certificate</source>
        <translation>Letzte Bescheinigung verlängern</translation>
    </message>
    <message>
        <source>Prolong a certificate from elsewhere…</source>
        <translation>Bescheinigung eines anderen Arztes verlängern…</translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation>Rückfall</translation>
    </message>
    <message>
        <source>Replace (correct a sent document)</source>
        <translation>Ersetzen (versandtes Dokument korrigieren)</translation>
    </message>
    <message>
        <source>Duplicate as new</source>
        <translation>Als neu duplizieren</translation>
    </message>
    <message>
        <source>Retract…</source>
        <translation>Zurückziehen…</translation>
    </message>
    <message>
        <source>Delete draft…</source>
        <translation>Entwurf löschen…</translation>
    </message>
    <message>
        <source>Add ICF capacity…</source>
        <translation>ICF-Fähigkeit hinzufügen…</translation>
    </message>
    <message>
        <source>What changed since the previous document…</source>
        <translation>Was hat sich seit dem vorigen Dokument geändert…</translation>
    </message>
    <message>
        <source>Pathology sheet of the diagnosis…</source>
        <translation>Krankheitsblatt der Diagnose…</translation>
    </message>
    <message>
        <source>Preview and print PDF copies…</source>
        <translation>PDF-Kopien ansehen und drucken…</translation>
    </message>
    <message>
        <source>Export for the EMR / mutuality (KMEHR)…</source>
        <translation>Export für die EPA / Krankenkasse (KMEHR)…</translation>
    </message>
    <message>
        <source>Sign and send</source>
        <translation>Unterschreiben und senden</translation>
    </message>
    <message>
        <source>Outbox…</source>
        <translation>Postausgang…</translation>
    </message>
    <message>
        <source>Conversations (TRIO)…</source>
        <translation>Gespräche (TRIO)…</translation>
    </message>
    <message>
        <source>Mirror information…</source>
        <translation>Spiegelinformationen…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Open the web desk of the advising and occupational physicians (demo)</source>
        <translation>Web-Schalter der Vertrauensärzte und Arbeitsärzte öffnen (Demo)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Back to the patient</source>
        <translation>Zurück zum Patienten</translation>
    </message>
    <message>
        <source>Signed and sent. The receipt is stored.</source>
        <translation>Unterschrieben und gesendet. Die Empfangsbestätigung ist gespeichert.</translation>
    </message>
    <message>
        <source>Signed. It waits in the outbox and is sent as soon as possible.</source>
        <translation>Unterschrieben. Es wartet im Postausgang und wird so bald wie möglich gesendet.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Entwurf löschen</translation>
    </message>
    <message>
        <source>Delete this draft? This cannot be undone.</source>
        <translation>Diesen Entwurf löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Bitte warten</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht erledigt</translation>
    </message>
    <message>
        <source>Open that certificate</source>
        <translation>Diese Bescheinigung öffnen</translation>
    </message>
    <message>
        <source>KMEHR message saved.</source>
        <translation>KMEHR-Nachricht gespeichert.</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Offline</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) waiting to send</source>
        <translation>
            <numerusform>%n Dokument wartet auf Versand</numerusform>
            <numerusform>%n Dokumente warten auf Versand</numerusform>
        </translation>
    </message>
    <message>
        <source>Outbox: Ctrl+O</source>
        <translation>Postausgang: Strg+O</translation>
    </message>
</context>
<context>
    <name>MirrorDialog</name>
    <message>
        <source>Mirror information</source>
        <translation>Spiegelinformationen</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>last %1 months</source>
        <translation>letzte %1 Monate</translation>
    </message>
    <message>
        <source>Median episode length per pathology group (days)</source>
        <translation>Mediane Episodendauer je Krankheitsgruppe (Tage)</translation>
    </message>
    <message>
        <source>Chart: median episode length per pathology group; the table beside it</source>
        <translation>Diagramm: mediane Episodendauer je Krankheitsgruppe; die Tabelle daneben</translation>
    </message>
    <message>
        <source>Figures per pathology group</source>
        <translation>Zahlen je Krankheitsgruppe</translation>
    </message>
    <message>
        <source>Pathology group</source>
        <translation>Krankheitsgruppe</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Bescheinigungen</translation>
    </message>
    <message>
        <source>Episodes</source>
        <translation>Episoden</translation>
    </message>
    <message>
        <source>Median (days)</source>
        <translation>Median (Tage)</translation>
    </message>
    <message>
        <source>With a fit-note</source>
        <translation>Mit Fit-Note</translation>
    </message>
    <message>
        <source>Prolonged</source>
        <translation>Verlängert</translation>
    </message>
    <message>
        <source>Partial resumption</source>
        <translation>Teilweise Wiederaufnahme</translation>
    </message>
    <message>
        <source>Episode length of &amp;group:</source>
        <translation>Episodendauer der &amp;Gruppe:</translation>
    </message>
    <message>
        <source>Chart: share of episodes per length; the table beside it</source>
        <translation>Diagramm: Anteil der Episoden je Dauer; die Tabelle daneben</translation>
    </message>
    <message>
        <source>Episodes per length</source>
        <translation>Episoden je Dauer</translation>
    </message>
    <message>
        <source>Episode length</source>
        <translation>Episodendauer</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Help (F1)</source>
        <translation>Hilfe (F1)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Region %1</source>
        <translation>Region %1</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>Belgien</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Alle Gruppen</translation>
    </message>
    <message>
        <source>Other diagnoses</source>
        <translation>Andere Diagnosen</translation>
    </message>
    <message>
        <source>Fetching the region&apos;s figures…</source>
        <translation>Zahlen der Region werden abgerufen…</translation>
    </message>
    <message>
        <source>Region %1 and Belgium: cells with fewer than 10 physicians or 50 certificates are not shown.</source>
        <translation>Region %1 und Belgien: Zellen mit weniger als 10 Ärzten oder 50 Bescheinigungen werden nicht angezeigt.</translation>
    </message>
    <message>
        <source>Demo: the peers are a synthetic population.</source>
        <translation>Demo: die Kollegen sind eine synthetische Population.</translation>
    </message>
    <message>
        <source>Region figures unavailable; your own figures are shown.</source>
        <translation>Zahlen der Region nicht verfügbar; Ihre eigenen Zahlen werden angezeigt.</translation>
    </message>
    <message>
        <source>too few to show</source>
        <translation>zu wenige für eine Anzeige</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>episode length (days)</source>
        <translation>Episodendauer (Tage)</translation>
    </message>
    <message>
        <source>% of episodes</source>
        <translation>% der Episoden</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>Your certificates of the chosen period, from this computer only, beside anonymised figures of your region and of Belgium from the platform.

A certificate counts when its period begins in the chosen period. Certificates of one patient form an episode when each begins within the relapse window (14 days) after the previous one ends; the episode belongs to the pathology group of its first certificate. Episode length: first to last day. Prolonged: more than one certificate. Partial resumption: one begins during the episode or its relapse window.

The region&apos;s and Belgium&apos;s figures are shown only for groups with at least 10 physicians and 50 certificates. Ctrl+S exports the figures as CSV.</source>
        <translation>Ihre Bescheinigungen des gewählten Zeitraums, nur von diesem Computer, neben anonymisierten Zahlen Ihrer Region und Belgiens von der Plattform.

Eine Bescheinigung zählt, wenn ihr Zeitraum im gewählten Zeitraum beginnt. Bescheinigungen eines Patienten bilden eine Episode, wenn jede innerhalb der Rückfallfrist (14 Tage) nach dem Ende der vorigen beginnt; die Episode gehört zur Krankheitsgruppe ihrer ersten Bescheinigung. Episodendauer: erster bis letzter Tag. Verlängert: mehr als eine Bescheinigung. Teilweise Wiederaufnahme: eine beginnt während der Episode oder ihrer Rückfallfrist.

Die Zahlen der Region und Belgiens werden nur für Gruppen mit mindestens 10 Ärzten und 50 Bescheinigungen angezeigt. Strg+S exportiert die Zahlen als CSV.</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Letztes Problem</translation>
    </message>
    <message>
        <source>Documents in the outbox</source>
        <translation>Dokumente im Postausgang</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Nothing waiting: every signed document has been delivered.</source>
        <translation>Nichts wartet: jedes unterschriebene Dokument wurde zugestellt.</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Waiting for your action</source>
        <translation>Wartet auf Ihre Aktion</translation>
    </message>
    <message>
        <source>When you retry</source>
        <translation>Wenn Sie es erneut versuchen</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>Edit patient</source>
        <translation>Patient bearbeiten</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Neuer Patient</translation>
    </message>
    <message>
        <source>&amp;National number</source>
        <translation>&amp;Nationalregisternummer</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Vorname</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Familienname</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Hausnummer</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>e.g. 85.07.30-032.29</source>
        <translation>z. B. 85.07.30-032.29</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open that patient</source>
        <translation>Diesen Patienten öffnen</translation>
    </message>
    <message>
        <source>Born %1 · %2</source>
        <translation>Geboren am %1 · %2</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source>Edit patient…</source>
        <translation>Patient bearbeiten…</translation>
    </message>
    <message>
        <source>Conversations…</source>
        <translation>Gespräche…</translation>
    </message>
    <message>
        <source>With the advising and occupational physicians (Ctrl+Shift+M)</source>
        <translation>Mit dem Vertrauensarzt und dem Arbeitsmediziner (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>New certificate</source>
        <translation>Neue Bescheinigung</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Strg+N</translation>
    </message>
    <message>
        <source>Prolong last certificate</source>
        <translation>Letzte Bescheinigung verlängern</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Strg+Umschalt+P</translation>
    </message>
    <message>
        <source>Prolong a certificate from elsewhere…</source>
        <translation>Bescheinigung eines anderen Arztes verlängern…</translation>
    </message>
    <message>
        <source>Stand-alone fit-note</source>
        <translation>Eigenständige Eignungsbescheinigung</translation>
    </message>
    <message>
        <source>Partial resumption</source>
        <translation>Teilweise Wiederaufnahme</translation>
    </message>
    <message>
        <source>Invalidity recognition</source>
        <translation>Anerkennung der Invalidität</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Questions from the advising and occupational physicians</source>
        <translation>Fragen des Vertrauensarztes und des Arbeitsarztes</translation>
    </message>
    <message>
        <source>Questions about this patient&apos;s documents</source>
        <translation>Fragen zu den Dokumenten dieses Patienten</translation>
    </message>
    <message>
        <source>Copy consent reference</source>
        <translation>Referenz der Einwilligung kopieren</translation>
    </message>
    <message>
        <source>A colleague needs it to fetch the episode (no medical data)</source>
        <translation>Ein Kollege braucht sie, um die Episode abzurufen (keine medizinischen Daten)</translation>
    </message>
    <message>
        <source>Documents of the patient</source>
        <translation>Dokumente des Patienten</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>geboren am %1</translation>
    </message>
    <message>
        <source>Consent reference %1 (given on %2)</source>
        <translation>Referenz der Einwilligung %1 (erteilt am %2)</translation>
    </message>
</context>
<context>
    <name>PatientSearch</name>
    <message>
        <source>Patients</source>
        <translation>Patienten</translation>
    </message>
    <message>
        <source>Name or national number (Ctrl+F)</source>
        <translation>Name oder Nationalregisternummer (Strg+F)</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Patienten suchen</translation>
    </message>
    <message>
        <source>Clear the patient search</source>
        <translation>Patientensuche löschen</translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation>Gefundene Patienten</translation>
    </message>
    <message>
        <source>New patient…</source>
        <translation>Neuer Patient…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Strg+Umschalt+N</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Recent patients</source>
        <translation>Letzte Patienten</translation>
    </message>
    <message>
        <source>No patient found. Press Enter to create one.</source>
        <translation>Kein Patient gefunden. Eingabe drücken, um einen anzulegen.</translation>
    </message>
    <message>
        <source>No patients yet.</source>
        <translation>Noch keine Patienten.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Retraction of: %1</source>
        <translation>Widerruf von: %1</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Patient: %1</translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation>Dokument: %1</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Zeitraum: %1</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>Für: %1</translation>
    </message>
    <message>
        <source>eID PIN</source>
        <translation>eID-PIN</translation>
    </message>
    <message>
        <source>Key file password</source>
        <translation>Passwort der Schlüsseldatei</translation>
    </message>
    <message>
        <source>to log in to the platform</source>
        <translation>zur Anmeldung bei der Plattform</translation>
    </message>
    <message>
        <source>to sign the document</source>
        <translation>zum Unterschreiben des Dokuments</translation>
    </message>
    <message>
        <source>Enter the PIN of your eID card %1.</source>
        <translation>Geben Sie die PIN Ihrer eID-Karte ein, %1.</translation>
    </message>
    <message>
        <source>Enter the password of your signing key file %1.</source>
        <translation>Geben Sie das Passwort Ihrer Schlüsseldatei ein, %1.</translation>
    </message>
    <message>
        <source>It is used for this send only and never stored.</source>
        <translation>Sie wird nur für diesen Versand verwendet und nie gespeichert.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Unterschreiben</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <source>Your practice</source>
        <translation>Ihre Praxis</translation>
    </message>
    <message>
        <source>The letterhead of the printed copies.</source>
        <translation>Der Briefkopf der gedruckten Kopien.</translation>
    </message>
    <message>
        <source>Practice name</source>
        <translation>Name der Praxis</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Hausnummer</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Languages you work in</source>
        <translation>Ihre Arbeitssprachen</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>PDF copies</source>
        <translation>PDF-Kopien</translation>
    </message>
    <message>
        <source>Copy for</source>
        <translation>Kopie für</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF speichern…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dutch and French, side by side</source>
        <translation>Niederländisch und Französisch, nebeneinander</translation>
    </message>
    <message>
        <source>No preview on this computer; save the PDF to open it.</source>
        <translation>Keine Vorschau auf diesem Computer; PDF speichern, um es zu öffnen.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>PDF speichern</translation>
    </message>
</context>
<context>
    <name>ProtectionPage</name>
    <message>
        <source>Protect your profile</source>
        <translation>Schützen Sie Ihr Profil</translation>
    </message>
    <message>
        <source>Everything is encrypted on this computer. Choose how it is unlocked.</source>
        <translation>Alles wird auf diesem Computer verschlüsselt. Wählen Sie, wie entsperrt wird.</translation>
    </message>
    <message>
        <source>With my computer login (system keyring)</source>
        <translation>Mit meiner Computeranmeldung (Schlüsselbund des Systems)</translation>
    </message>
    <message>
        <source>With a passphrase</source>
        <translation>Mit einer Passphrase</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>At least 12 characters. It cannot be recovered.</source>
        <translation>Mindestens 12 Zeichen. Sie kann nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>How the profile is unlocked</source>
        <translation>Wie das Profil entsperrt wird</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Wiederholen</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>Question about a certificate</source>
        <translation>Frage zu einer Bescheinigung</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Von: %1</translation>
    </message>
    <message>
        <source>Asked on %1</source>
        <translation>Gestellt am %1</translation>
    </message>
    <message>
        <source>Answer by %1</source>
        <translation>Antwort bis %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Stand: %1</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <source>The question</source>
        <translation>Die Frage</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Cannot complete</source>
        <translation>Kann nicht vervollständigen</translation>
    </message>
    <message>
        <source>Say why in your answer</source>
        <translation>Begründen Sie es in Ihrer Antwort</translation>
    </message>
    <message>
        <source>Complete with a new certificate…</source>
        <translation>Mit einer neuen Bescheinigung vervollständigen…</translation>
    </message>
    <message>
        <source>Opens a replacement of the certificate; the answer is sent when the platform has accepted the new certificate</source>
        <translation>Öffnet einen Ersatz der Bescheinigung; die Antwort wird gesendet, sobald die Plattform die neue Bescheinigung angenommen hat</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>A new certificate is on its way: the answer is sent when the platform has accepted it.</source>
        <translation>Eine neue Bescheinigung ist unterwegs: Die Antwort wird gesendet, sobald die Plattform sie angenommen hat.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>Request to complete the certificate</source>
        <translation>Bitte um Vervollständigung der Bescheinigung</translation>
    </message>
    <message>
        <source>Contact request</source>
        <translation>Bitte um Kontaktaufnahme</translation>
    </message>
    <message>
        <source>Question about work capacity</source>
        <translation>Frage zur Arbeitsfähigkeit</translation>
    </message>
    <message>
        <source>Other question</source>
        <translation>Andere Frage</translation>
    </message>
    <message>
        <source>Advising physician</source>
        <translation>Vertrauensarzt</translation>
    </message>
    <message>
        <source>Occupational physician</source>
        <translation>Arbeitsarzt</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Answered: cannot complete</source>
        <translation>Beantwortet: kann nicht vervollständigt werden</translation>
    </message>
    <message>
        <source>New certificate on its way</source>
        <translation>Neue Bescheinigung unterwegs</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Frist überschritten</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>answer by %1</source>
        <translation>Antwort bis %1</translation>
    </message>
    <message>
        <source>patient unknown here</source>
        <translation>Patient hier nicht bekannt</translation>
    </message>
</context>
<context>
    <name>RetractDialog</name>
    <message>
        <source>Issued in error</source>
        <translation>Irrtümlich ausgestellt</translation>
    </message>
    <message>
        <source>Replaced by a corrected document</source>
        <translation>Durch ein berichtigtes Dokument ersetzt</translation>
    </message>
    <message>
        <source>At the patient&apos;s request</source>
        <translation>Auf Wunsch des Patienten</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Anderer Grund</translation>
    </message>
    <message>
        <source>Retract</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Retract this document? The recipients are told that it is no longer valid.</source>
        <translation>Dieses Dokument widerrufen? Die Empfänger erfahren, dass es nicht mehr gilt.</translation>
    </message>
    <message>
        <source>Why is it retracted?</source>
        <translation>Warum wird es widerrufen?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>eID card or other PKCS#11 token</source>
        <translation>eID-Karte oder anderes PKCS#11-Token</translation>
    </message>
    <message>
        <source>PKCS#12 key files</source>
        <translation>PKCS#12-Schlüsseldateien</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>e.g. 08:30, 13:30</source>
        <translation>z. B. 08:30, 13:30</translation>
    </message>
    <message>
        <source>Signer and endpoint changes apply at the next unlock.</source>
        <translation>Änderungen an Signatur und Plattform gelten ab dem nächsten Entsperren.</translation>
    </message>
    <message>
        <source>PKCS#11 module</source>
        <translation>PKCS#11-Modul</translation>
    </message>
    <message>
        <source>Token label</source>
        <translation>Token-Bezeichnung</translation>
    </message>
    <message>
        <source>Signature key file</source>
        <translation>Schlüsseldatei für Signatur</translation>
    </message>
    <message>
        <source>Authentication key file</source>
        <translation>Schlüsseldatei für Authentifizierung</translation>
    </message>
    <message>
        <source>How you sign</source>
        <translation>Wie Sie unterschreiben</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA-Bündel</translation>
    </message>
    <message>
        <source>Receipt certificate</source>
        <translation>Zertifikat der Empfangsbestätigungen</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Sperren nach</translation>
    </message>
    <message>
        <source>Certificates ending within</source>
        <translation>Bescheinigungen, die enden innerhalb von</translation>
    </message>
    <message>
        <source>Reminders at</source>
        <translation>Erinnerungen um</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <source>Signing and sending</source>
        <translation>Unterschreiben und Senden</translation>
    </message>
    <message>
        <source>How you sign (your eID card or a key file), and where to send.</source>
        <translation>Wie Sie unterschreiben (eID-Karte oder Schlüsseldatei) und wohin gesendet wird.</translation>
    </message>
    <message>
        <source>eID card or other PKCS#11 token</source>
        <translation>eID-Karte oder anderes PKCS#11-Token</translation>
    </message>
    <message>
        <source>PKCS#12 key files</source>
        <translation>PKCS#12-Schlüsseldateien</translation>
    </message>
    <message>
        <source>empty: the only card present</source>
        <translation>leer: die einzige vorhandene Karte</translation>
    </message>
    <message>
        <source>PKCS#11 module</source>
        <translation>PKCS#11-Modul</translation>
    </message>
    <message>
        <source>Token label</source>
        <translation>Token-Bezeichnung</translation>
    </message>
    <message>
        <source>Signature key file</source>
        <translation>Schlüsseldatei für Signatur</translation>
    </message>
    <message>
        <source>Authentication key file</source>
        <translation>Schlüsseldatei für Authentifizierung</translation>
    </message>
    <message>
        <source>How you sign</source>
        <translation>Wie Sie unterschreiben</translation>
    </message>
    <message>
        <source>Endpoint (optional; documents wait in the outbox)</source>
        <translation>Plattform (optional; Dokumente warten im Postausgang)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA-Bündel</translation>
    </message>
    <message>
        <source>Receipt certificate</source>
        <translation>Zertifikat der Empfangsbestätigungen</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>No incapacity episode yet</source>
        <translation>Noch keine Episode der Arbeitsunfähigkeit</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>laufend</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>Episode since %1 · day %2 · %3</source>
        <translation>Episode seit %1 · Tag %2 · %3</translation>
    </message>
    <message>
        <source>Coming up:</source>
        <translation>Demnächst:</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Unlock your profile</source>
        <translation>Entsperren Sie Ihr Profil</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Wait {seconds} s before the next try.</source>
        <translation>Warten Sie {seconds} s bis zum nächsten Versuch.</translation>
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
        <translation>Tag</translation>
    </message>
    <message>
        <source>Certificate until</source>
        <translation>Bescheinigung bis</translation>
    </message>
    <message>
        <source>Fit-note</source>
        <translation>Eignungsbescheinigung</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>Nächster Kontakt</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Held: %1</source>
        <translation>Zurückgehalten: %1</translation>
    </message>
    <message>
        <source>Waiting: %1</source>
        <translation>Wartend: %1</translation>
    </message>
    <message>
        <source>Not fit</source>
        <translation>Nicht arbeitsfähig</translation>
    </message>
    <message>
        <source>Fit, adapted work</source>
        <translation>Arbeitsfähig, angepasste Arbeit</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>ohne Enddatum</translation>
    </message>
    <message>
        <source>Certificate ends</source>
        <translation>Bescheinigung endet</translation>
    </message>
    <message>
        <source>Invalidity recognition due</source>
        <translation>Anerkennung der Invalidität fällig</translation>
    </message>
    <message>
        <source>Question waits for your answer</source>
        <translation>Eine Frage wartet auf Ihre Antwort</translation>
    </message>
    <message>
        <source>Refused at sending</source>
        <translation>Beim Versand abgelehnt</translation>
    </message>
    <message>
        <source>Held at sending: needs your action</source>
        <translation>Beim Versand zurückgehalten: Ihr Eingreifen nötig</translation>
    </message>
    <message>
        <source>unknown patient</source>
        <translation>unbekannter Patient</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <source>My patients on sick leave</source>
        <translation>Meine arbeitsunfähigen Patienten</translation>
    </message>
    <message>
        <source>Enter opens the patient. Find any patient on the left (Ctrl+F) or create one (Ctrl+Shift+N); back here with Alt+Home.</source>
        <translation>Eingabe öffnet den Patienten. Andere Patienten links suchen (Strg+F) oder anlegen (Strg+Umschalt+N); zurück hierher mit Alt+Pos1.</translation>
    </message>
    <message>
        <source>Needs action today</source>
        <translation>Heute zu erledigen</translation>
    </message>
    <message>
        <source>Patients with a running incapacity</source>
        <translation>Patienten mit laufender Arbeitsunfähigkeit</translation>
    </message>
    <message>
        <source>Filter the list (Ctrl+Shift+F)</source>
        <translation>Liste filtern (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <source>Filter my patients on sick leave</source>
        <translation>Meine arbeitsunfähigen Patienten filtern</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <source>Nothing needs action today.</source>
        <translation>Heute ist nichts zu erledigen.</translation>
    </message>
    <message>
        <source>No patient on sick leave matches the filter.</source>
        <translation>Kein arbeitsunfähiger Patient passt zum Filter.</translation>
    </message>
    <message>
        <source>None of your patients is on sick leave today.</source>
        <translation>Keiner Ihrer Patienten ist heute arbeitsunfähig.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
</TS>
