<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>CapacityRow</name>
    <message>
        <source>barrier: %1</source>
        <translation>belemmering: %1</translation>
    </message>
    <message>
        <source>How this factor hinders or helps at work, e.g. noisy open-plan office</source>
        <translation>Hoe deze factor het werk belemmert of ondersteunt, bv. lawaaierig landschapskantoor</translation>
    </message>
    <message>
        <source>Extent of the barrier %1</source>
        <translation>Ernst van de belemmering %1</translation>
    </message>
    <message>
        <source>What the patient can do, e.g. can lift up to 5 kg</source>
        <translation>Wat de patiënt kan, bv. kan tot 5 kg heffen</translation>
    </message>
    <message>
        <source>Extent of difficulty for %1</source>
        <translation>Mate van beperking voor %1</translation>
    </message>
    <message>
        <source>Statement for %1</source>
        <translation>Omschrijving voor %1</translation>
    </message>
    <message>
        <source>Remove this capacity</source>
        <translation>Deze capaciteit verwijderen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 verwijderen</translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Unfit for</source>
        <translation>Ongeschikt voor</translation>
    </message>
    <message>
        <source>May leave home</source>
        <translation>Verlaten van de woning toegestaan</translation>
    </message>
    <message>
        <source>Expected return to work</source>
        <translation>Vermoedelijke werkhervatting</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Oorzaak</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Date of the accident</source>
        <translation>Datum van het ongeval</translation>
    </message>
    <message>
        <source>Occupational disease declared</source>
        <translation>Aangifte beroepsziekte</translation>
    </message>
    <message>
        <source>Hospital stay</source>
        <translation>Ziekenhuisverblijf</translation>
    </message>
    <message>
        <source>Stay abroad</source>
        <translation>Verblijf in het buitenland</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>Zwangerschap</translation>
    </message>
    <message>
        <source>Justification of the antedating</source>
        <translation>Verantwoording van de antedatering</translation>
    </message>
    <message>
        <source>Extent</source>
        <translation>Omvang</translation>
    </message>
    <message>
        <source>Nature of the work</source>
        <translation>Aard van het werk</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Voorwaarden</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Toegestaan door</translation>
    </message>
    <message>
        <source>Incapacity since</source>
        <translation>Arbeidsongeschikt sinds</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Opmerkingen</translation>
    </message>
    <message>
        <source>Fit-note</source>
        <translation>Geschiktheidsattest</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Advies</translation>
    </message>
    <message>
        <source>Work capacities</source>
        <translation>Werkcapaciteiten</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Volgende evaluatie</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Beroepssituatie</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>vanaf %1</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 dag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 dagen</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 tot en met %2</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <source>principal</source>
        <translation>hoofddiagnose</translation>
    </message>
    <message>
        <source>Expected delivery: %1</source>
        <translation>Vermoedelijke bevallingsdatum: %1</translation>
    </message>
    <message>
        <source>Maternity leave: %1</source>
        <translation>Moederschapsrust: %1</translation>
    </message>
    <message>
        <source>%1 hours a week</source>
        <translation>%1 uur per week</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Wat is er gewijzigd</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Voordien</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>Told to</source>
        <translation>Gemeld aan</translation>
    </message>
    <message>
        <source>Nothing changed yet.</source>
        <translation>Nog niets gewijzigd.</translation>
    </message>
    <message>
        <source>Compared with: %1, %2</source>
        <translation>Vergeleken met: %1, %2</translation>
    </message>
    <message>
        <source>Reference: %1</source>
        <translation>Referentie: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Side by side…</source>
        <translation>Naast elkaar…</translation>
    </message>
    <message>
        <source>What changed, side by side (Ctrl+Shift+C)</source>
        <translation>Wat is er gewijzigd, naast elkaar (Ctrl+Shift+C)</translation>
    </message>
</context>
<context>
    <name>ConsentOfferDialog</name>
    <message>
        <source>Consent for this document</source>
        <translation>Toestemming voor dit document</translation>
    </message>
    <message>
        <source>On %1 the patient agreed to:</source>
        <translation>Op %1 stemde de patiënt in met:</translation>
    </message>
    <message>
        <source>Ask the patient again. Same consent for this document?</source>
        <translation>Vraag het de patiënt opnieuw. Dezelfde toestemming voor dit document?</translation>
    </message>
    <message>
        <source>Same consent as on %1</source>
        <translation>Zelfde toestemming als op %1</translation>
    </message>
    <message>
        <source>Record it in the document</source>
        <translation>In het document vastleggen</translation>
    </message>
    <message>
        <source>electronic sending to the advising / occupational physician</source>
        <translation>elektronische verzending naar de adviserend arts / arbeidsarts</translation>
    </message>
    <message>
        <source>the employer sees the fit-note&apos;s capacities</source>
        <translation>de werkgever ziet de mogelijkheden uit de fit-note</translation>
    </message>
    <message>
        <source>another physician may fetch the episode</source>
        <translation>een andere arts mag de episode ophalen</translation>
    </message>
    <message>
        <source>consent reference: %1</source>
        <translation>referentie toestemming: %1</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/jjjj</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Kies een datum</translation>
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
        <translation>PDF bekijken</translation>
    </message>
    <message>
        <source>Preview the copies (Ctrl+P)</source>
        <translation>De kopieën bekijken (Ctrl+P)</translation>
    </message>
    <message>
        <source>Sign &amp;&amp; send</source>
        <translation>Ondertekenen &amp;&amp; verzenden</translation>
    </message>
    <message>
        <source>Sign with your eID and send (Ctrl+Enter)</source>
        <translation>Ondertekenen met je eID en verzenden (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Previous certificate</source>
        <translation>Vorig getuigschrift</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <source>From the patient&apos;s copy, e.g. 6f1c2b1e-…</source>
        <translation>Van het exemplaar van de patiënt, bv. 6f1c2b1e-…</translation>
    </message>
    <message>
        <source>Its period</source>
        <translation>Periode ervan</translation>
    </message>
    <message>
        <source>Period and reason</source>
        <translation>Periode en reden</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>T&amp;ot en met</translation>
    </message>
    <message>
        <source>Type a date, or +7 for seven days from the start</source>
        <translation>Typ een datum, of +7 voor zeven dagen vanaf de begindatum</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 maand</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Duration %1</source>
        <translation>Duur %1</translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
    <message>
        <source>required: first prognosis, +1 = the day after the end</source>
        <translation>verplicht: eerste prognose, +1 = de dag na het einde</translation>
    </message>
    <message>
        <source>Only the advising physician sees this justification.</source>
        <translation>Enkel de adviserend arts ziet deze verantwoording.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reden</translation>
    </message>
    <message>
        <source>Accident date</source>
        <translation>Datum van het ongeval</translation>
    </message>
    <message>
        <source>Disease declared on</source>
        <translation>Ziekte aangegeven op</translation>
    </message>
    <message>
        <source>Hospital stay</source>
        <translation>Ziekenhuisopname</translation>
    </message>
    <message>
        <source>Patient may leave the house</source>
        <translation>Patiënt mag de woning verlaten</translation>
    </message>
    <message>
        <source>Partial resumption of work</source>
        <translation>Gedeeltelijke werkhervatting</translation>
    </message>
    <message>
        <source>%1 (you, as the signer)</source>
        <translation>%1 (u, als ondertekenaar)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>Extent</source>
        <translation>Omvang</translation>
    </message>
    <message>
        <source>Percentage of a full-time job</source>
        <translation>Percentage van een voltijdse betrekking</translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation>Uren per week</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Voorwaarden</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Toegestaan door</translation>
    </message>
    <message>
        <source>Related certificate</source>
        <translation>Bijbehorend getuigschrift</translation>
    </message>
    <message>
        <source>Invalidity recognition</source>
        <translation>Erkenning van invaliditeit</translation>
    </message>
    <message>
        <source>Measure in preparation (draft law, May 2026): the yearly renewal of the invalidity recognition is not settled law yet.</source>
        <translation>Maatregel in voorbereiding (wetsontwerp, mei 2026): de jaarlijkse hernieuwing van de erkenning van invaliditeit is nog geen vaststaand recht.</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Geldig van</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Geldig tot en met</translation>
    </message>
    <message>
        <source>Incapacity since</source>
        <translation>Arbeidsongeschikt sinds</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Opmerkingen</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Code system</source>
        <translation>Codesysteem</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Free text, e.g. lumbago with sciatica</source>
        <translation>Vrije tekst, bv. lumbago met uitstraling</translation>
    </message>
    <message>
        <source>no code</source>
        <translation>geen code</translation>
    </message>
    <message>
        <source>e.g. L86</source>
        <translation>bv. L86</translation>
    </message>
    <message>
        <source>Only the advising physician sees the diagnosis.</source>
        <translation>Alleen de adviserend arts ziet de diagnose.</translation>
    </message>
    <message>
        <source>Fit-note: what the patient can still do</source>
        <translation>Geschiktheidsattest: wat de patiënt nog kan</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Advies</translation>
    </message>
    <message>
        <source>Free advice for the workplace (optional)</source>
        <translation>Vrij advies voor de werkplek (optioneel)</translation>
    </message>
    <message>
        <source>Review on</source>
        <translation>Herevaluatie op</translation>
    </message>
    <message>
        <source>Work capacities (ICF)</source>
        <translation>Werkcapaciteiten (ICF)</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Toegevoegd: %1</translation>
    </message>
    <message>
        <source>No capacities yet. Add what the patient can still do, with its ICF code.</source>
        <translation>Nog geen capaciteiten. Voeg toe wat de patiënt nog kan, met de ICF-code.</translation>
    </message>
    <message>
        <source>Add capacity…  (Ctrl+I)</source>
        <translation>Capaciteit toevoegen…  (Ctrl+I)</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Werk</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situatie</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Functie</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Werkgever</translation>
    </message>
    <message>
        <source>Employer&apos;s language</source>
        <translation>Taal van de werkgever</translation>
    </message>
    <message>
        <source>unknown (Dutch and French copy)</source>
        <translation>onbekend (Nederlands en Frans exemplaar)</translation>
    </message>
    <message>
        <source>Recipients and consent</source>
        <translation>Bestemmelingen en toestemming</translation>
    </message>
    <message>
        <source>The patient agrees that</source>
        <translation>De patiënt stemt ermee in dat</translation>
    </message>
    <message>
        <source>Document la&amp;nguage</source>
        <translation>Taal van het docu&amp;ment</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>&amp;Van</translation>
    </message>
    <message>
        <source>Dia&amp;gnosis</source>
        <translation>Dia&amp;gnose</translation>
    </message>
    <message>
        <source>Diagnosis %1</source>
        <translation>Diagnose %1</translation>
    </message>
    <message>
        <source>Another diagnosis (optional)</source>
        <translation>Bijkomende diagnose (optioneel)</translation>
    </message>
    <message>
        <source>Code system of diagnosis %1</source>
        <translation>Codesysteem van diagnose %1</translation>
    </message>
    <message>
        <source>Code of diagnosis %1</source>
        <translation>Code van diagnose %1</translation>
    </message>
    <message>
        <source>principal</source>
        <translation>hoofddiagnose</translation>
    </message>
    <message>
        <source>Diagnosis %1 is the principal diagnosis</source>
        <translation>Diagnose %1 is de hoofddiagnose</translation>
    </message>
    <message>
        <source>E&amp;xpected return</source>
        <translation>Wer&amp;khervatting</translation>
    </message>
    <message>
        <source>Expected return to work (required)</source>
        <translation>Vermoedelijke werkhervatting (verplicht)</translation>
    </message>
    <message>
        <source>First prognosis on the return to work, after the end date; +1 is the day after it</source>
        <translation>Eerste prognose van de werkhervatting, na de einddatum; +1 is de dag erna</translation>
    </message>
    <message>
        <source>Why antedated</source>
        <translation>Antedatering</translation>
    </message>
    <message>
        <source>Justification of the antedating</source>
        <translation>Verantwoording van de antedatering</translation>
    </message>
    <message>
        <source>e.g. seen at home on the first day, certificate written later</source>
        <translation>bv. op de eerste dag thuis gezien, getuigschrift later opgesteld</translation>
    </message>
    <message>
        <source>Incapacity for</source>
        <translation>Ongeschikt voor</translation>
    </message>
    <message>
        <source>Expected delivery</source>
        <translation>Bevalling</translation>
    </message>
    <message>
        <source>Expected delivery date</source>
        <translation>Vermoedelijke bevallingsdatum</translation>
    </message>
    <message>
        <source>Maternity leave</source>
        <translation>Moederschapsrust</translation>
    </message>
    <message>
        <source>Start of the maternity leave</source>
        <translation>Begin van de moederschapsrust</translation>
    </message>
    <message>
        <source>End of the maternity leave</source>
        <translation>Einde van de moederschapsrust</translation>
    </message>
    <message>
        <source>The patient stays or stayed in hospital</source>
        <translation>De patiënt is of was opgenomen in het ziekenhuis</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>Opname</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>Ontslag</translation>
    </message>
    <message>
        <source>Empty while the patient is still in hospital</source>
        <translation>Leeg zolang de patiënt nog opgenomen is</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Ziekenhuis</translation>
    </message>
    <message>
        <source>Name of the hospital</source>
        <translation>Naam van het ziekenhuis</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identificatienummer</translation>
    </message>
    <message>
        <source>Identifier of the hospital</source>
        <translation>Identificatienummer van het ziekenhuis</translation>
    </message>
    <message>
        <source>optional, e.g. its RIZIV/INAMI number</source>
        <translation>optioneel, bv. het RIZIV-nummer</translation>
    </message>
    <message>
        <source>Nature of the work</source>
        <translation>Aard van het werk</translation>
    </message>
    <message>
        <source>e.g. administrative tasks, no lifting, no night shifts</source>
        <translation>bv. administratieve taken, niet tillen, geen nachtdiensten</translation>
    </message>
    <message>
        <source>The physician who signs authorises: this is your own role</source>
        <translation>De arts die ondertekent, geeft de toelating: dit is uw eigen rol</translation>
    </message>
    <message>
        <source>Add a fi&amp;t-note to this certificate</source>
        <translation>Een geschiktheidsattest toevoeg&amp;en</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Ontvangers</translation>
    </message>
    <message>
        <source>the certificate is sent electronically to the &amp;physicians</source>
        <translation>het getuigschrift elektronisch naar de &amp;artsen gaat</translation>
    </message>
    <message>
        <source>the employer sees the work capacities</source>
        <translation>de werkgever de werkcapaciteiten ziet</translation>
    </message>
    <message>
        <source>another physician may fetch this episode to prolong it</source>
        <translation>een andere arts deze episode mag opvragen om te verlengen</translation>
    </message>
    <message>
        <source>Consent reference</source>
        <translation>Referentie van de toestemming</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Waarschuwing</translation>
    </message>
    <message>
        <source>Prolong</source>
        <translation>Verlengen</translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation>Herval</translation>
    </message>
    <message>
        <source>Replace (correct)</source>
        <translation>Vervangen (verbeteren)</translation>
    </message>
    <message>
        <source>Duplicate as new</source>
        <translation>Dupliceren als nieuw</translation>
    </message>
    <message>
        <source>Retract…</source>
        <translation>Intrekken…</translation>
    </message>
    <message>
        <source>optional, e.g. form number</source>
        <translation>optioneel, bv. formuliernummer</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Begindatum</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Einddatum</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Hospital admission</source>
        <translation>Opname in het ziekenhuis</translation>
    </message>
    <message>
        <source>Hospital discharge</source>
        <translation>Ontslag uit het ziekenhuis</translation>
    </message>
    <message>
        <source>Reference of the previous certificate</source>
        <translation>Referentie van het vorige getuigschrift</translation>
    </message>
    <message>
        <source>Start of the previous certificate</source>
        <translation>Begin van het vorige getuigschrift</translation>
    </message>
    <message>
        <source>End of the previous certificate</source>
        <translation>Einde van het vorige getuigschrift</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Datum van herevaluatie</translation>
    </message>
    <message>
        <source>Employment situation</source>
        <translation>Arbeidssituatie</translation>
    </message>
    <message>
        <source>Document language</source>
        <translation>Taal van het document</translation>
    </message>
    <message>
        <source>Resumption from</source>
        <translation>Hervatting vanaf</translation>
    </message>
    <message>
        <source>Resumption until</source>
        <translation>Hervatting tot en met</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>Percentage</translation>
    </message>
    <message>
        <source>Points to check</source>
        <translation>Na te kijken punten</translation>
    </message>
    <message>
        <source>Continues the certificate</source>
        <translation>Verlengt het getuigschrift</translation>
    </message>
    <message>
        <source>Relapse after the certificate</source>
        <translation>Herval na het getuigschrift</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s), until %1</source>
        <translation>
            <numerusform>%n dag, tot en met %1</numerusform>
            <numerusform>%n dagen, tot en met %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) to complete before signing</source>
        <translation>
            <numerusform>%n punt aan te vullen vóór ondertekening</numerusform>
            <numerusform>%n punten aan te vullen vóór ondertekening</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to sign — please check the warnings</source>
        <translation>Klaar om te ondertekenen — bekijk de waarschuwingen</translation>
    </message>
    <message>
        <source>Ready to sign</source>
        <translation>Klaar om te ondertekenen</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Niet bewaard: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Bewaren…</translation>
    </message>
    <message>
        <source>✓ Draft saved at %1</source>
        <translation>✓ Ontwerp bewaard om %1</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Ontwerp</translation>
    </message>
    <message>
        <source>Signed on %1</source>
        <translation>Ondertekend op %1</translation>
    </message>
    <message>
        <source>Signed documents cannot be changed. What next?</source>
        <translation>Een ondertekend document kan niet meer gewijzigd worden. Wat nu?</translation>
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
        <translation>Periode</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
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
        <translation>Een getuigschrift van een andere arts verlengen</translation>
    </message>
    <message>
        <source>Type the reference printed on the patient&apos;s copy. With the patient&apos;s consent the episode is fetched; offline, the draft is made from the paper copy.</source>
        <translation>Typ de referentie van het exemplaar van de patiënt. Met toestemming van de patiënt wordt de episode opgehaald; offline maak je het ontwerp op basis van het papieren exemplaar.</translation>
    </message>
    <message>
        <source>Reference of the certificate</source>
        <translation>Referentie van het getuigschrift</translation>
    </message>
    <message>
        <source>Type it, paste it or scan the copy&apos;s QR code</source>
        <translation>Typ ze, plak ze of scan de QR-code van het exemplaar</translation>
    </message>
    <message>
        <source>Start of that certificate</source>
        <translation>Begin van dat getuigschrift</translation>
    </message>
    <message>
        <source>End of that certificate</source>
        <translation>Einde van dat getuigschrift</translation>
    </message>
    <message>
        <source>RIZIV number of its author</source>
        <translation>RIZIV-nummer van de auteur</translation>
    </message>
    <message>
        <source>The patient agrees that I fetch this episode</source>
        <translation>De patiënt gaat akkoord dat ik deze episode opvraag</translation>
    </message>
    <message>
        <source>Consent reference</source>
        <translation>Referentie van de toestemming</translation>
    </message>
    <message>
        <source>Open a KMEHR file…</source>
        <translation>Een KMEHR-bestand openen…</translation>
    </message>
    <message>
        <source>Or drop the file on this window</source>
        <translation>Of sleep het bestand naar dit venster</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <source>Its period (paper copy)</source>
        <translation>Periode ervan (papieren exemplaar)</translation>
    </message>
    <message>
        <source>Author&apos;s RIZIV number</source>
        <translation>RIZIV-nummer van de auteur</translation>
    </message>
    <message>
        <source>Fetch episode and prolong</source>
        <translation>Episode ophalen en verlengen</translation>
    </message>
    <message>
        <source>Draft from the paper copy</source>
        <translation>Ontwerp op basis van het papieren exemplaar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Open a KMEHR file</source>
        <translation>Een KMEHR-bestand openen</translation>
    </message>
    <message>
        <source>KMEHR message (*.xml)</source>
        <translation>KMEHR-bericht (*.xml)</translation>
    </message>
    <message>
        <source>Filled in from the KMEHR file: check, then make the draft.</source>
        <translation>Ingevuld uit het KMEHR-bestand: controleer en maak dan het ontwerp.</translation>
    </message>
</context>
<context>
    <name>FieldMessage</name>
    <message>
        <source>Warning: %1</source>
        <translation>Waarschuwing: %1</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to Fit-note</source>
        <translation>Welkom bij Fit-note</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <source>%1: usually %2–%3 days.</source>
        <translation>%1: gewoonlijk %2–%3 dagen.</translation>
    </message>
    <message>
        <source>Source: fitnote team, clinical review pending.</source>
        <translation>Bron: fitnote-team, klinische review lopende.</translation>
    </message>
    <message>
        <source>Source: %1.</source>
        <translation>Bron: %1.</translation>
    </message>
    <message>
        <source>This episode: %1 days, longer than usual.</source>
        <translation>Deze episode: %1 dagen, langer dan gewoonlijk.</translation>
    </message>
    <message>
        <source>Pathology sheet (F2)</source>
        <translation>Aandoeningsfiche (F2)</translation>
    </message>
    <message>
        <source>Pathology sheet</source>
        <translation>Aandoeningsfiche</translation>
    </message>
    <message>
        <source>&amp;Justification of the duration</source>
        <translation>&amp;Verantwoording van de duur</translation>
    </message>
    <message>
        <source>Justification of the duration</source>
        <translation>Verantwoording van de duur</translation>
    </message>
    <message>
        <source>Why this episode needs more time</source>
        <translation>Waarom deze episode meer tijd vraagt</translation>
    </message>
    <message>
        <source>Pathology sheet: %1</source>
        <translation>Aandoeningsfiche: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Undo / redo in the document</source>
        <translation>Ongedaan maken / opnieuw in het document</translation>
    </message>
    <message>
        <source>End date: 3 days, 1 week, 2 weeks, 1 month</source>
        <translation>Einddatum: 3 dagen, 1 week, 2 weken, 1 maand</translation>
    </message>
    <message>
        <source>End date as a duration</source>
        <translation>Einddatum als duur</translation>
    </message>
    <message>
        <source>type +10 or 2w in the field</source>
        <translation>typ +10 of 2w in het veld</translation>
    </message>
    <message>
        <source>After a date: on to the next field still needed</source>
        <translation>Na een datum: naar het volgende veld dat nog nodig is</translation>
    </message>
    <message>
        <source>Patient may leave the house: yes / no</source>
        <translation>Patiënt mag de woning verlaten: ja / nee</translation>
    </message>
    <message>
        <source>Y / N</source>
        <translation>J / N</translation>
    </message>
    <message>
        <source>Add ICF capacity in the editor</source>
        <translation>ICF-capaciteit toevoegen in de editor</translation>
    </message>
    <message>
        <source>ICF picker: extent of the limitation</source>
        <translation>ICF-keuze: mate van beperking</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
    <message>
        <source>Everything can be done from the keyboard:</source>
        <translation>Alles kan met het toetsenbord:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>IcfPicker</name>
    <message>
        <source>Add work capacities (ICF)</source>
        <translation>Werkcapaciteiten toevoegen (ICF)</translation>
    </message>
    <message>
        <source>Search by code or words, in any language (e.g. d430, tillen, porter)</source>
        <translation>Zoek op code of woorden, in elke taal (bv. d430, tillen, porter)</translation>
    </message>
    <message>
        <source>&amp;Search ICF</source>
        <translation>In ICF &amp;zoeken</translation>
    </message>
    <message>
        <source>Search ICF</source>
        <translation>ICF zoeken</translation>
    </message>
    <message>
        <source>Clear the ICF search</source>
        <translation>ICF-zoekopdracht wissen</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultaten</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Hoofdstukken</translation>
    </message>
    <message>
        <source>Suggested sets</source>
        <translation>Voorgestelde sets</translation>
    </message>
    <message>
        <source>ICF search results</source>
        <translation>Zoekresultaten ICF</translation>
    </message>
    <message>
        <source>ICF chapters</source>
        <translation>ICF-hoofdstukken</translation>
    </message>
    <message>
        <source>Suggested set</source>
        <translation>Voorgestelde set</translation>
    </message>
    <message>
        <source>Categories of the suggested set</source>
        <translation>Categorieën van de voorgestelde set</translation>
    </message>
    <message>
        <source>How limited is the patient? (Alt+0 … Alt+4)</source>
        <translation>Hoe beperkt is de patiënt? (Alt+0 … Alt+4)</translation>
    </message>
    <message>
        <source>What the patient can do (in the document&apos;s language)</source>
        <translation>Wat de patiënt kan (in de taal van het document)</translation>
    </message>
    <message>
        <source>Positive statement</source>
        <translation>Positieve omschrijving</translation>
    </message>
    <message>
        <source>Add  (Enter)</source>
        <translation>Toevoegen  (Enter)</translation>
    </message>
    <message>
        <source>Done  (Ctrl+Enter)</source>
        <translation>Klaar  (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Results: %1</source>
        <translation>Resultaten: %1</translation>
    </message>
    <message>
        <source>Suggested for the diagnosis</source>
        <translation>Voorgesteld voor de diagnose</translation>
    </message>
    <message>
        <source>Choose a category</source>
        <translation>Kies een categorie</translation>
    </message>
    <message>
        <source>Search on the left, or browse chapters and suggested sets.</source>
        <translation>Zoek links, of blader door hoofdstukken en voorgestelde sets.</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Toegevoegd: %1</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Who are you?</source>
        <translation>Wie bent u?</translation>
    </message>
    <message>
        <source>Your name and RIZIV/INAMI number appear on every certificate.</source>
        <translation>Uw naam en RIZIV-nummer staan op elk getuigschrift.</translation>
    </message>
    <message>
        <source>as on your eID (ties your signature to you)</source>
        <translation>zoals op uw eID (koppelt uw handtekening aan u)</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Voornaam</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Familienaam</translation>
    </message>
    <message>
        <source>RIZIV/INAMI number</source>
        <translation>RIZIV-nummer</translation>
    </message>
    <message>
        <source>National number</source>
        <translation>Rijksregisternummer</translation>
    </message>
    <message>
        <source>General practitioner</source>
        <translation>Huisarts</translation>
    </message>
    <message>
        <source>Specialist or other</source>
        <translation>Specialist of andere</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <source>Treating physician</source>
        <translation>Behandelend arts</translation>
    </message>
    <message>
        <source>Advising physician</source>
        <translation>Adviserend arts</translation>
    </message>
    <message>
        <source>Occupational physician</source>
        <translation>Arbeidsarts</translation>
    </message>
</context>
<context>
    <name>InboxDialog</name>
    <message>
        <source>Conversations with the advising and occupational physicians</source>
        <translation>Gesprekken met de adviserend arts en de arbeidsarts</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Gesprekken</translation>
    </message>
    <message>
        <source>Questions with a deadline</source>
        <translation>Vragen met een termijn</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Berichten</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>Uw antwoord</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Antwoord versturen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>New conversation about this document</source>
        <translation>Nieuw gesprek over dit document</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Start conversation</source>
        <translation>Gesprek starten</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>No questions.</source>
        <translation>Geen vragen.</translation>
    </message>
    <message>
        <source>patient of another physician</source>
        <translation>patiënt van een andere arts</translation>
    </message>
    <message>
        <source>No conversations yet.</source>
        <translation>Nog geen gesprekken.</translation>
    </message>
    <message>
        <source>Choose a conversation.</source>
        <translation>Kies een gesprek.</translation>
    </message>
</context>
<context>
    <name>KmehrExportDialog</name>
    <message>
        <source>Export for the EMR / mutuality (KMEHR)</source>
        <translation>Exporteren voor het EMD / ziekenfonds (KMEHR)</translation>
    </message>
    <message>
        <source>Advising physician of the mutuality</source>
        <translation>Adviserend arts van het ziekenfonds</translation>
    </message>
    <message>
        <source>Medex (civil servants)</source>
        <translation>Medex (ambtenaren)</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Werkgever</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Recipient (only their part of the certificate):</source>
        <translation>Bestemmeling (enkel zijn deel van het attest):</translation>
    </message>
    <message>
        <source>The fit-note&apos;s ICF capacities are not part of a KMEHR message: they reach the advising and occupational physicians through the platform only.</source>
        <translation>De ICF-mogelijkheden van de fit-note horen niet in een KMEHR-bericht: ze bereiken de adviserend arts en de arbeidsarts enkel via het platform.</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Bewaren als…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>KMEHR message (*.xml)</source>
        <translation>KMEHR-bericht (*.xml)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Incapacity certificate</source>
        <translation>Getuigschrift van arbeidsongeschiktheid</translation>
    </message>
    <message>
        <source>Fit-note</source>
        <translation>Geschiktheidsattest</translation>
    </message>
    <message>
        <source>Partial resumption</source>
        <translation>Gedeeltelijke werkhervatting</translation>
    </message>
    <message>
        <source>Invalidity recognition</source>
        <translation>Erkenning van invaliditeit</translation>
    </message>
    <message>
        <source>Initial certificate</source>
        <translation>Eerste getuigschrift</translation>
    </message>
    <message>
        <source>Prolongation</source>
        <translation>Verlenging</translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation>Herval</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Werk</translation>
    </message>
    <message>
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <source>Swimming</source>
        <translation>Zwemmen</translation>
    </message>
    <message>
        <source>School sports</source>
        <translation>Schoolsport</translation>
    </message>
    <message>
        <source>Sport</source>
        <translation>Sport</translation>
    </message>
    <message>
        <source>Heavy physical activity</source>
        <translation>Zware lichamelijke inspanning</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Reizen</translation>
    </message>
    <message>
        <source>Voting</source>
        <translation>Stemmen</translation>
    </message>
    <message>
        <source>Illness</source>
        <translation>Ziekte</translation>
    </message>
    <message>
        <source>Accident</source>
        <translation>Ongeval</translation>
    </message>
    <message>
        <source>Work accident</source>
        <translation>Arbeidsongeval</translation>
    </message>
    <message>
        <source>Accident on the way to or from work</source>
        <translation>Ongeval op weg van of naar het werk</translation>
    </message>
    <message>
        <source>Occupational disease</source>
        <translation>Beroepsziekte</translation>
    </message>
    <message>
        <source>Pregnancy-related</source>
        <translation>Zwangerschap</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Werknemer</translation>
    </message>
    <message>
        <source>Civil servant</source>
        <translation>Ambtenaar</translation>
    </message>
    <message>
        <source>Self-employed</source>
        <translation>Zelfstandige</translation>
    </message>
    <message>
        <source>Job seeker</source>
        <translation>Werkzoekende</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Not fit for work</source>
        <translation>Niet geschikt om te werken</translation>
    </message>
    <message>
        <source>May be fit for work, taking into account:</source>
        <translation>Mogelijk geschikt om te werken, rekening houdend met:</translation>
    </message>
    <message>
        <source>Phased return</source>
        <translation>Geleidelijke werkhervatting</translation>
    </message>
    <message>
        <source>Altered hours</source>
        <translation>Aangepaste werkuren</translation>
    </message>
    <message>
        <source>Amended duties</source>
        <translation>Aangepaste taken</translation>
    </message>
    <message>
        <source>Workplace adaptations</source>
        <translation>Aanpassingen van de werkplek</translation>
    </message>
    <message>
        <source>Other work</source>
        <translation>Ander werk</translation>
    </message>
    <message>
        <source>Advising physician (mutuality)</source>
        <translation>Adviserend arts (ziekenfonds)</translation>
    </message>
    <message>
        <source>Occupational physician</source>
        <translation>Arbeidsarts</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Werkgever</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Advising physician</source>
        <translation>Adviserend arts</translation>
    </message>
    <message>
        <source>Treating physician</source>
        <translation>Behandelend arts</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Frans</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Duits</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engels</translation>
    </message>
    <message>
        <source>male</source>
        <translation>man</translation>
    </message>
    <message>
        <source>female</source>
        <translation>vrouw</translation>
    </message>
    <message>
        <source>sex unknown</source>
        <translation>geslacht onbekend</translation>
    </message>
    <message>
        <source>no code</source>
        <translation>geen code</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Ontwerp</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Wacht op verzending</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wordt verzonden</translation>
    </message>
    <message>
        <source>Sent, receipt received</source>
        <translation>Verzonden, ontvangstbewijs ontvangen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation>Ingetrokken</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Ondertekend</translation>
    </message>
    <message>
        <source>Sent, waiting for receipt</source>
        <translation>Verzonden, wacht op ontvangstbewijs</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Vervangen</translation>
    </message>
    <message>
        <source>no difficulty</source>
        <translation>geen beperking</translation>
    </message>
    <message>
        <source>mild difficulty</source>
        <translation>lichte beperking</translation>
    </message>
    <message>
        <source>moderate difficulty</source>
        <translation>matige beperking</translation>
    </message>
    <message>
        <source>severe difficulty</source>
        <translation>ernstige beperking</translation>
    </message>
    <message>
        <source>complete difficulty</source>
        <translation>volledige beperking</translation>
    </message>
    <message>
        <source>not specified</source>
        <translation>niet gespecificeerd</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>niet van toepassing</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Fit-note — certificates of incapacity</source>
        <translation>Fit-note — getuigschriften van arbeidsongeschiktheid</translation>
    </message>
    <message>
        <source>DEMO — fictitious physician and patients, sandbox endpoint on this computer</source>
        <translation>DEMO — fictieve arts en patiënten, testplatform op deze computer</translation>
    </message>
    <message>
        <source>Web desk of the advising and occupational physicians: %1</source>
        <translation>Webdesk van de adviserende artsen en arbeidsartsen: %1</translation>
    </message>
    <message>
        <source>The browser will warn about the sandbox&apos;s own demo certificate.</source>
        <translation>De browser zal waarschuwen voor het eigen democertificaat van het testplatform.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hulp</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <source>My patients on sick leave</source>
        <translation>Mijn arbeidsongeschikte patiënten</translation>
    </message>
    <message>
        <source>Filter my patients on sick leave</source>
        <translation>Mijn arbeidsongeschikte patiënten filteren</translation>
    </message>
    <message>
        <source>Find patient</source>
        <translation>Patiënt zoeken</translation>
    </message>
    <message>
        <source>New patient…</source>
        <translation>Nieuwe patiënt…</translation>
    </message>
    <message>
        <source>Edit patient…</source>
        <translation>Patiënt wijzigen…</translation>
    </message>
    <message>
        <source>New incapacity certificate</source>
        <translation>Nieuw getuigschrift van arbeidsongeschiktheid</translation>
    </message>
    <message>
        <source>New stand-alone fit-note</source>
        <translation>Nieuw afzonderlijk geschiktheidsattest</translation>
    </message>
    <message>
        <source>New partial resumption</source>
        <translation>Nieuwe gedeeltelijke werkhervatting</translation>
    </message>
    <message>
        <source>New invalidity recognition</source>
        <translation>Nieuwe erkenning van invaliditeit</translation>
    </message>
    <message>
        <source>Prolong last certificate</source>
        <translation>Laatste getuigschrift verlengen</translation>
    </message>
    <message>
        <source>Prolong a certificate from elsewhere…</source>
        <translation>Getuigschrift van een andere arts verlengen…</translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation>Herval</translation>
    </message>
    <message>
        <source>Replace (correct a sent document)</source>
        <translation>Vervangen (verzonden document verbeteren)</translation>
    </message>
    <message>
        <source>Duplicate as new</source>
        <translation>Dupliceren als nieuw</translation>
    </message>
    <message>
        <source>Retract…</source>
        <translation>Intrekken…</translation>
    </message>
    <message>
        <source>Delete draft…</source>
        <translation>Ontwerp verwijderen…</translation>
    </message>
    <message>
        <source>Add ICF capacity…</source>
        <translation>ICF-capaciteit toevoegen…</translation>
    </message>
    <message>
        <source>What changed since the previous document…</source>
        <translation>Wat is er gewijzigd sinds het vorige document…</translation>
    </message>
    <message>
        <source>Pathology sheet of the diagnosis…</source>
        <translation>Aandoeningsfiche van de diagnose…</translation>
    </message>
    <message>
        <source>Preview and print PDF copies…</source>
        <translation>PDF-kopieën bekijken en afdrukken…</translation>
    </message>
    <message>
        <source>Export for the EMR / mutuality (KMEHR)…</source>
        <translation>Exporteren voor het EMD / ziekenfonds (KMEHR)…</translation>
    </message>
    <message>
        <source>Sign and send</source>
        <translation>Ondertekenen en verzenden</translation>
    </message>
    <message>
        <source>Outbox…</source>
        <translation>Uitgaande post…</translation>
    </message>
    <message>
        <source>Conversations (TRIO)…</source>
        <translation>Gesprekken (TRIO)…</translation>
    </message>
    <message>
        <source>Mirror information…</source>
        <translation>Spiegelinformatie…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Vergrendelen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Open the web desk of the advising and occupational physicians (demo)</source>
        <translation>Webdesk van de adviserende artsen en arbeidsartsen openen (demo)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Back to the patient</source>
        <translation>Terug naar de patiënt</translation>
    </message>
    <message>
        <source>Signed and sent. The receipt is stored.</source>
        <translation>Ondertekend en verzonden. Het ontvangstbewijs is bewaard.</translation>
    </message>
    <message>
        <source>Signed. It waits in the outbox and is sent as soon as possible.</source>
        <translation>Ondertekend. Het wacht in de uitgaande post en wordt zo snel mogelijk verzonden.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Ontwerp verwijderen</translation>
    </message>
    <message>
        <source>Delete this draft? This cannot be undone.</source>
        <translation>Dit ontwerp verwijderen? Dit kan niet ongedaan gemaakt worden.</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Even geduld</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Niet gelukt</translation>
    </message>
    <message>
        <source>Open that certificate</source>
        <translation>Dat attest openen</translation>
    </message>
    <message>
        <source>KMEHR message saved.</source>
        <translation>KMEHR-bericht bewaard.</translation>
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
            <numerusform>%n document wacht op verzending</numerusform>
            <numerusform>%n documenten wachten op verzending</numerusform>
        </translation>
    </message>
    <message>
        <source>Outbox: Ctrl+O</source>
        <translation>Uitgaande post: Ctrl+O</translation>
    </message>
</context>
<context>
    <name>MirrorDialog</name>
    <message>
        <source>Mirror information</source>
        <translation>Spiegelinformatie</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>last %1 months</source>
        <translation>laatste %1 maanden</translation>
    </message>
    <message>
        <source>Median episode length per pathology group (days)</source>
        <translation>Mediane duur van de episodes per pathologiegroep (dagen)</translation>
    </message>
    <message>
        <source>Chart: median episode length per pathology group; the table beside it</source>
        <translation>Grafiek: mediane duur van de episodes per pathologiegroep; de tabel ernaast</translation>
    </message>
    <message>
        <source>Figures per pathology group</source>
        <translation>Cijfers per pathologiegroep</translation>
    </message>
    <message>
        <source>Pathology group</source>
        <translation>Pathologiegroep</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Attesten</translation>
    </message>
    <message>
        <source>Episodes</source>
        <translation>Episodes</translation>
    </message>
    <message>
        <source>Median (days)</source>
        <translation>Mediaan (dagen)</translation>
    </message>
    <message>
        <source>With a fit-note</source>
        <translation>Met fit-note</translation>
    </message>
    <message>
        <source>Prolonged</source>
        <translation>Verlengd</translation>
    </message>
    <message>
        <source>Partial resumption</source>
        <translation>Deeltijdse hervatting</translation>
    </message>
    <message>
        <source>Episode length of &amp;group:</source>
        <translation>Duur van de episodes van &amp;groep:</translation>
    </message>
    <message>
        <source>Chart: share of episodes per length; the table beside it</source>
        <translation>Grafiek: aandeel van de episodes per duur; de tabel ernaast</translation>
    </message>
    <message>
        <source>Episodes per length</source>
        <translation>Episodes per duur</translation>
    </message>
    <message>
        <source>Episode length</source>
        <translation>Duur van de episode</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exporteren…</translation>
    </message>
    <message>
        <source>Help (F1)</source>
        <translation>Hulp (F1)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>You</source>
        <translation>U</translation>
    </message>
    <message>
        <source>Region %1</source>
        <translation>Regio %1</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Regio</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>België</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Alle groepen</translation>
    </message>
    <message>
        <source>Other diagnoses</source>
        <translation>Andere diagnosen</translation>
    </message>
    <message>
        <source>Fetching the region&apos;s figures…</source>
        <translation>Cijfers van de regio ophalen…</translation>
    </message>
    <message>
        <source>Region %1 and Belgium: cells with fewer than 10 physicians or 50 certificates are not shown.</source>
        <translation>Regio %1 en België: cellen met minder dan 10 artsen of 50 attesten worden niet getoond.</translation>
    </message>
    <message>
        <source>Demo: the peers are a synthetic population.</source>
        <translation>Demo: de collega&apos;s zijn een synthetische populatie.</translation>
    </message>
    <message>
        <source>Region figures unavailable; your own figures are shown.</source>
        <translation>Cijfers van de regio niet beschikbaar; uw eigen cijfers worden getoond.</translation>
    </message>
    <message>
        <source>too few to show</source>
        <translation>te weinig om te tonen</translation>
    </message>
    <message>
        <source>days</source>
        <translation>dagen</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 dagen</translation>
    </message>
    <message>
        <source>episode length (days)</source>
        <translation>duur van de episode (dagen)</translation>
    </message>
    <message>
        <source>% of episodes</source>
        <translation>% van de episodes</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exporteren</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-bestand (*.csv)</translation>
    </message>
    <message>
        <source>Your certificates of the chosen period, from this computer only, beside anonymised figures of your region and of Belgium from the platform.

A certificate counts when its period begins in the chosen period. Certificates of one patient form an episode when each begins within the relapse window (14 days) after the previous one ends; the episode belongs to the pathology group of its first certificate. Episode length: first to last day. Prolonged: more than one certificate. Partial resumption: one begins during the episode or its relapse window.

The region&apos;s and Belgium&apos;s figures are shown only for groups with at least 10 physicians and 50 certificates. Ctrl+S exports the figures as CSV.</source>
        <translation>Uw attesten van de gekozen periode, alleen van deze computer, naast geanonimiseerde cijfers van uw regio en van België van het platform.

Een attest telt mee wanneer zijn periode in de gekozen periode begint. Attesten van één patiënt vormen een episode wanneer elk begint binnen de hervalperiode (14 dagen) na het einde van het vorige; de episode hoort bij de pathologiegroep van haar eerste attest. Duur van de episode: eerste tot laatste dag. Verlengd: meer dan één attest. Deeltijdse hervatting: er begint er een tijdens de episode of haar hervalperiode.

De cijfers van de regio en van België worden alleen getoond voor groepen met minstens 10 artsen en 50 attesten. Ctrl+S exporteert de cijfers als CSV.</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Outbox</source>
        <translation>Uitgaande post</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Pogingen</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Volgende poging</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Laatste probleem</translation>
    </message>
    <message>
        <source>Documents in the outbox</source>
        <translation>Documenten in de uitgaande post</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Nu opnieuw proberen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Nothing waiting: every signed document has been delivered.</source>
        <translation>Niets in de wachtrij: elk ondertekend document is afgeleverd.</translation>
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
        <translation>Wacht op uw actie</translation>
    </message>
    <message>
        <source>When you retry</source>
        <translation>Wanneer u opnieuw probeert</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>Edit patient</source>
        <translation>Patiënt wijzigen</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Nieuwe patiënt</translation>
    </message>
    <message>
        <source>&amp;National number</source>
        <translation>&amp;Rijksregisternummer</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Voornaam</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Familienaam</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straat</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Gemeente</translation>
    </message>
    <message>
        <source>e.g. 85.07.30-032.29</source>
        <translation>bv. 85.07.30-032.29</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Bewaren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Open that patient</source>
        <translation>Die patiënt openen</translation>
    </message>
    <message>
        <source>Born %1 · %2</source>
        <translation>Geboren op %1 · %2</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source>Edit patient…</source>
        <translation>Patiënt wijzigen…</translation>
    </message>
    <message>
        <source>Conversations…</source>
        <translation>Gesprekken…</translation>
    </message>
    <message>
        <source>With the advising and occupational physicians (Ctrl+Shift+M)</source>
        <translation>Met de adviserend arts en de arbeidsarts (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>New certificate</source>
        <translation>Nieuw getuigschrift</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Prolong last certificate</source>
        <translation>Laatste getuigschrift verlengen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Prolong a certificate from elsewhere…</source>
        <translation>Getuigschrift van een andere arts verlengen…</translation>
    </message>
    <message>
        <source>Stand-alone fit-note</source>
        <translation>Afzonderlijk geschiktheidsattest</translation>
    </message>
    <message>
        <source>Partial resumption</source>
        <translation>Gedeeltelijke werkhervatting</translation>
    </message>
    <message>
        <source>Invalidity recognition</source>
        <translation>Erkenning van invaliditeit</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Questions from the advising and occupational physicians</source>
        <translation>Vragen van de adviserend arts en de arbeidsarts</translation>
    </message>
    <message>
        <source>Questions about this patient&apos;s documents</source>
        <translation>Vragen over de documenten van deze patiënt</translation>
    </message>
    <message>
        <source>Copy consent reference</source>
        <translation>Referentie van de toestemming kopiëren</translation>
    </message>
    <message>
        <source>A colleague needs it to fetch the episode (no medical data)</source>
        <translation>Een collega heeft ze nodig om de episode op te halen (geen medische gegevens)</translation>
    </message>
    <message>
        <source>Documents of the patient</source>
        <translation>Documenten van de patiënt</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>geboren op %1</translation>
    </message>
    <message>
        <source>Consent reference %1 (given on %2)</source>
        <translation>Referentie toestemming %1 (gegeven op %2)</translation>
    </message>
</context>
<context>
    <name>PatientSearch</name>
    <message>
        <source>Patients</source>
        <translation>Patiënten</translation>
    </message>
    <message>
        <source>Name or national number (Ctrl+F)</source>
        <translation>Naam of rijksregisternummer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Patiënten zoeken</translation>
    </message>
    <message>
        <source>Clear the patient search</source>
        <translation>Zoekopdracht naar patiënten wissen</translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation>Gevonden patiënten</translation>
    </message>
    <message>
        <source>New patient…</source>
        <translation>Nieuwe patiënt…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultaten</translation>
    </message>
    <message>
        <source>Recent patients</source>
        <translation>Recente patiënten</translation>
    </message>
    <message>
        <source>No patient found. Press Enter to create one.</source>
        <translation>Geen patiënt gevonden. Druk op Enter om er een aan te maken.</translation>
    </message>
    <message>
        <source>No patients yet.</source>
        <translation>Nog geen patiënten.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Retraction of: %1</source>
        <translation>Intrekking van: %1</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Patiënt: %1</translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation>Document: %1</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Periode: %1</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>Voor: %1</translation>
    </message>
    <message>
        <source>eID PIN</source>
        <translation>eID-pincode</translation>
    </message>
    <message>
        <source>Key file password</source>
        <translation>Wachtwoord van het sleutelbestand</translation>
    </message>
    <message>
        <source>to log in to the platform</source>
        <translation>om aan te melden bij het platform</translation>
    </message>
    <message>
        <source>to sign the document</source>
        <translation>om het document te ondertekenen</translation>
    </message>
    <message>
        <source>Enter the PIN of your eID card %1.</source>
        <translation>Geef de pincode van uw eID-kaart in %1.</translation>
    </message>
    <message>
        <source>Enter the password of your signing key file %1.</source>
        <translation>Geef het wachtwoord van uw sleutelbestand in %1.</translation>
    </message>
    <message>
        <source>It is used for this send only and never stored.</source>
        <translation>Hij dient alleen voor deze verzending en wordt nooit bewaard.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Pincode</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Ondertekenen</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <source>Your practice</source>
        <translation>Uw praktijk</translation>
    </message>
    <message>
        <source>The letterhead of the printed copies.</source>
        <translation>De briefhoofding van de afgedrukte exemplaren.</translation>
    </message>
    <message>
        <source>Practice name</source>
        <translation>Naam van de praktijk</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straat</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Gemeente</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Languages you work in</source>
        <translation>Talen waarin u werkt</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>PDF copies</source>
        <translation>PDF-kopieën</translation>
    </message>
    <message>
        <source>Copy for</source>
        <translation>Exemplaar voor</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF bewaren…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Dutch and French, side by side</source>
        <translation>Nederlands en Frans, naast elkaar</translation>
    </message>
    <message>
        <source>No preview on this computer; save the PDF to open it.</source>
        <translation>Geen voorbeeld op deze computer; bewaar de PDF om hem te openen.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>PDF bewaren</translation>
    </message>
</context>
<context>
    <name>ProtectionPage</name>
    <message>
        <source>Protect your profile</source>
        <translation>Beveilig uw profiel</translation>
    </message>
    <message>
        <source>Everything is encrypted on this computer. Choose how it is unlocked.</source>
        <translation>Alles wordt versleuteld op deze computer. Kies hoe u ontgrendelt.</translation>
    </message>
    <message>
        <source>With my computer login (system keyring)</source>
        <translation>Met mijn aanmelding op de computer (sleutelbos van het systeem)</translation>
    </message>
    <message>
        <source>With a passphrase</source>
        <translation>Met een wachtwoordzin</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Wachtwoordzin opnieuw</translation>
    </message>
    <message>
        <source>At least 12 characters. It cannot be recovered.</source>
        <translation>Minstens 12 tekens. Ze kan niet hersteld worden.</translation>
    </message>
    <message>
        <source>How the profile is unlocked</source>
        <translation>Hoe het profiel ontgrendeld wordt</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Opnieuw</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>Question about a certificate</source>
        <translation>Vraag over een getuigschrift</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Van: %1</translation>
    </message>
    <message>
        <source>Asked on %1</source>
        <translation>Gesteld op %1</translation>
    </message>
    <message>
        <source>Answer by %1</source>
        <translation>Antwoord tegen %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Stand: %1</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Uw antwoord</translation>
    </message>
    <message>
        <source>The question</source>
        <translation>De vraag</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwoorden</translation>
    </message>
    <message>
        <source>Cannot complete</source>
        <translation>Kan niet aanvullen</translation>
    </message>
    <message>
        <source>Say why in your answer</source>
        <translation>Zeg in uw antwoord waarom</translation>
    </message>
    <message>
        <source>Complete with a new certificate…</source>
        <translation>Aanvullen met een nieuw getuigschrift…</translation>
    </message>
    <message>
        <source>Opens a replacement of the certificate; the answer is sent when the platform has accepted the new certificate</source>
        <translation>Opent een vervanging van het getuigschrift; het antwoord vertrekt zodra het platform het nieuwe getuigschrift heeft aanvaard</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>A new certificate is on its way: the answer is sent when the platform has accepted it.</source>
        <translation>Er is een nieuw getuigschrift onderweg: het antwoord vertrekt zodra het platform het heeft aanvaard.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Bezig met versturen…</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>Request to complete the certificate</source>
        <translation>Vraag om het getuigschrift aan te vullen</translation>
    </message>
    <message>
        <source>Contact request</source>
        <translation>Vraag om contact</translation>
    </message>
    <message>
        <source>Question about work capacity</source>
        <translation>Vraag over de arbeidsgeschiktheid</translation>
    </message>
    <message>
        <source>Other question</source>
        <translation>Andere vraag</translation>
    </message>
    <message>
        <source>Advising physician</source>
        <translation>Adviserend arts</translation>
    </message>
    <message>
        <source>Occupational physician</source>
        <translation>Arbeidsarts</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwoord</translation>
    </message>
    <message>
        <source>Answered: cannot complete</source>
        <translation>Beantwoord: kan niet worden aangevuld</translation>
    </message>
    <message>
        <source>New certificate on its way</source>
        <translation>Nieuw getuigschrift onderweg</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Termijn verstreken</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>answer by %1</source>
        <translation>antwoord tegen %1</translation>
    </message>
    <message>
        <source>patient unknown here</source>
        <translation>patiënt hier niet bekend</translation>
    </message>
</context>
<context>
    <name>RetractDialog</name>
    <message>
        <source>Issued in error</source>
        <translation>Vergissing bij het opmaken</translation>
    </message>
    <message>
        <source>Replaced by a corrected document</source>
        <translation>Vervangen door een verbeterd document</translation>
    </message>
    <message>
        <source>At the patient&apos;s request</source>
        <translation>Op vraag van de patiënt</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Andere reden</translation>
    </message>
    <message>
        <source>Retract</source>
        <translation>Intrekken</translation>
    </message>
    <message>
        <source>Retract this document? The recipients are told that it is no longer valid.</source>
        <translation>Dit document intrekken? De ontvangers krijgen bericht dat het niet meer geldig is.</translation>
    </message>
    <message>
        <source>Why is it retracted?</source>
        <translation>Waarom wordt het ingetrokken?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>eID card or other PKCS#11 token</source>
        <translation>eID-kaart of ander PKCS#11-token</translation>
    </message>
    <message>
        <source>PKCS#12 key files</source>
        <translation>PKCS#12-sleutelbestanden</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagen</translation>
    </message>
    <message>
        <source>e.g. 08:30, 13:30</source>
        <translation>bv. 08:30, 13:30</translation>
    </message>
    <message>
        <source>Signer and endpoint changes apply at the next unlock.</source>
        <translation>Wijzigingen aan ondertekening en platform gelden vanaf de volgende ontgrendeling.</translation>
    </message>
    <message>
        <source>PKCS#11 module</source>
        <translation>PKCS#11-module</translation>
    </message>
    <message>
        <source>Token label</source>
        <translation>Tokenlabel</translation>
    </message>
    <message>
        <source>Signature key file</source>
        <translation>Sleutelbestand voor handtekening</translation>
    </message>
    <message>
        <source>Authentication key file</source>
        <translation>Sleutelbestand voor authenticatie</translation>
    </message>
    <message>
        <source>How you sign</source>
        <translation>Hoe u ondertekent</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA-bundel</translation>
    </message>
    <message>
        <source>Receipt certificate</source>
        <translation>Certificaat voor ontvangstbewijzen</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Vergrendelen na</translation>
    </message>
    <message>
        <source>Certificates ending within</source>
        <translation>Getuigschriften die eindigen binnen</translation>
    </message>
    <message>
        <source>Reminders at</source>
        <translation>Herinneringen om</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Bewaren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <source>Signing and sending</source>
        <translation>Ondertekenen en verzenden</translation>
    </message>
    <message>
        <source>How you sign (your eID card or a key file), and where to send.</source>
        <translation>Hoe u ondertekent (eID-kaart of sleutelbestand) en waarheen u verzendt.</translation>
    </message>
    <message>
        <source>eID card or other PKCS#11 token</source>
        <translation>eID-kaart of ander PKCS#11-token</translation>
    </message>
    <message>
        <source>PKCS#12 key files</source>
        <translation>PKCS#12-sleutelbestanden</translation>
    </message>
    <message>
        <source>empty: the only card present</source>
        <translation>leeg: de enige aanwezige kaart</translation>
    </message>
    <message>
        <source>PKCS#11 module</source>
        <translation>PKCS#11-module</translation>
    </message>
    <message>
        <source>Token label</source>
        <translation>Tokenlabel</translation>
    </message>
    <message>
        <source>Signature key file</source>
        <translation>Sleutelbestand voor handtekening</translation>
    </message>
    <message>
        <source>Authentication key file</source>
        <translation>Sleutelbestand voor authenticatie</translation>
    </message>
    <message>
        <source>How you sign</source>
        <translation>Hoe u ondertekent</translation>
    </message>
    <message>
        <source>Endpoint (optional; documents wait in the outbox)</source>
        <translation>Platform (optioneel; documenten wachten in de uitgaande post)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA-bundel</translation>
    </message>
    <message>
        <source>Receipt certificate</source>
        <translation>Certificaat voor ontvangstbewijzen</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>No incapacity episode yet</source>
        <translation>Nog geen episode van arbeidsongeschiktheid</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>lopend</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>afgelopen</translation>
    </message>
    <message>
        <source>Episode since %1 · day %2 · %3</source>
        <translation>Episode sinds %1 · dag %2 · %3</translation>
    </message>
    <message>
        <source>Coming up:</source>
        <translation>Binnenkort:</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <source>Unlock your profile</source>
        <translation>Ontgrendel uw profiel</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profiel</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Wachtwoordzin</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profiel</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Wait {seconds} s before the next try.</source>
        <translation>Wacht {seconds} s voor de volgende poging.</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>Patient</source>
        <translation>Patiënt</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Certificate until</source>
        <translation>Getuigschrift tot</translation>
    </message>
    <message>
        <source>Fit-note</source>
        <translation>Geschiktheidsattest</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>Volgend contact</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Ongelezen</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Uitgaande post</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Geweigerd: %1</translation>
    </message>
    <message>
        <source>Held: %1</source>
        <translation>Tegengehouden: %1</translation>
    </message>
    <message>
        <source>Waiting: %1</source>
        <translation>Wachtend: %1</translation>
    </message>
    <message>
        <source>Not fit</source>
        <translation>Niet geschikt</translation>
    </message>
    <message>
        <source>Fit, adapted work</source>
        <translation>Geschikt, aangepast werk</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>zonder einddatum</translation>
    </message>
    <message>
        <source>Certificate ends</source>
        <translation>Getuigschrift eindigt</translation>
    </message>
    <message>
        <source>Invalidity recognition due</source>
        <translation>Erkenning van invaliditeit te doen</translation>
    </message>
    <message>
        <source>Question waits for your answer</source>
        <translation>Vraag wacht op uw antwoord</translation>
    </message>
    <message>
        <source>Refused at sending</source>
        <translation>Geweigerd bij verzending</translation>
    </message>
    <message>
        <source>Held at sending: needs your action</source>
        <translation>Tegengehouden bij verzending: uw actie nodig</translation>
    </message>
    <message>
        <source>unknown patient</source>
        <translation>onbekende patiënt</translation>
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
        <translation>Mijn arbeidsongeschikte patiënten</translation>
    </message>
    <message>
        <source>Enter opens the patient. Find any patient on the left (Ctrl+F) or create one (Ctrl+Shift+N); back here with Alt+Home.</source>
        <translation>Enter opent de patiënt. Zoek een andere patiënt links (Ctrl+F) of maak er een aan (Ctrl+Shift+N); hierheen terug met Alt+Home.</translation>
    </message>
    <message>
        <source>Needs action today</source>
        <translation>Vandaag te doen</translation>
    </message>
    <message>
        <source>Patients with a running incapacity</source>
        <translation>Patiënten met een lopende arbeidsongeschiktheid</translation>
    </message>
    <message>
        <source>Filter the list (Ctrl+Shift+F)</source>
        <translation>Lijst filteren (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Filter my patients on sick leave</source>
        <translation>Mijn arbeidsongeschikte patiënten filteren</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter wissen</translation>
    </message>
    <message>
        <source>Nothing needs action today.</source>
        <translation>Vandaag is er niets te doen.</translation>
    </message>
    <message>
        <source>No patient on sick leave matches the filter.</source>
        <translation>Geen arbeidsongeschikte patiënt past bij de filter.</translation>
    </message>
    <message>
        <source>None of your patients is on sick leave today.</source>
        <translation>Geen van uw patiënten is vandaag arbeidsongeschikt.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
</context>
</TS>
