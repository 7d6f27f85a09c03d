<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>CapacityRow</name>
    <message>
        <source>barrier: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How this factor hinders or helps at work, e.g. noisy open-plan office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Extent of the barrier %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What the patient can do, e.g. can lift up to 5 kg</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Extent of difficulty for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Statement for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove this capacity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <source>Patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unfit for</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>May leave home</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expected return to work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Date of the accident</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Occupational disease declared</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hospital stay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stay abroad</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pregnancy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Justification of the antedating</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Extent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nature of the work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Authorised by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Incapacity since</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remarks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fit-note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Work capacities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Employment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>principal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expected delivery: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Maternity leave: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 hours a week</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Part</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Told to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing changed yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compared with: %1, %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Side by side…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What changed, side by side (Ctrl+Shift+C)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConsentOfferDialog</name>
    <message>
        <source>Consent for this document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On %1 the patient agreed to:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ask the patient again. Same consent for this document?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Same consent as on %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record it in the document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>electronic sending to the advising / occupational physician</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the employer sees the fit-note's capacities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>another physician may fetch the episode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>consent reference: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick a date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Calendar: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>Preview PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview the copies (Ctrl+P)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign &amp;&amp; send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign with your eID and send (Ctrl+Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Previous certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From the patient's copy, e.g. 6f1c2b1e-…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Its period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Period and reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Until</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type a date, or +7 for seven days from the start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 month</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Duration %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alt+%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>required: first prognosis, +1 = the day after the end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only the advising physician sees this justification.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accident date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disease declared on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hospital stay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient may leave the house</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Partial resumption of work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (you, as the signer)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Extent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Percentage of a full-time job</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hours per week</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Authorised by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Related certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invalidity recognition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Measure in preparation (draft law, May 2026): the yearly renewal of the invalidity recognition is not settled law yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Incapacity since</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remarks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Code system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Free text, e.g. lumbago with sciatica</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. L86</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only the advising physician sees the diagnosis.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fit-note: what the patient can still do</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Free advice for the workplace (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Work capacities (ICF)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Added: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No capacities yet. Add what the patient can still do, with its ICF code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add capacity…  (Ctrl+I)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Situation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Employer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Employer's language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown (Dutch and French copy)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recipients and consent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The patient agrees that</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Document la&amp;nguage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dia&amp;gnosis</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Diagnosis %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Another diagnosis (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Code system of diagnosis %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Code of diagnosis %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>principal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Diagnosis %1 is the principal diagnosis</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E&amp;xpected return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expected return to work (required)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First prognosis on the return to work, after the end date; +1 is the day after it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why antedated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Justification of the antedating</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. seen at home on the first day, certificate written later</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Incapacity for</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expected delivery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expected delivery date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Maternity leave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start of the maternity leave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>End of the maternity leave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The patient stays or stayed in hospital</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Admission</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discharge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Empty while the patient is still in hospital</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hospital</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name of the hospital</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Identifier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Identifier of the hospital</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>optional, e.g. its RIZIV/INAMI number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nature of the work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. administrative tasks, no lifting, no night shifts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The physician who signs authorises: this is your own role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a fi&amp;t-note to this certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the certificate is sent electronically to the &amp;physicians</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the employer sees the work capacities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>another physician may fetch this episode to prolong it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Consent reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prolong</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Relapse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace (correct)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicate as new</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retract…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>optional, e.g. form number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>End date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hospital admission</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hospital discharge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference of the previous certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start of the previous certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>End of the previous certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Employment situation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Document language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resumption from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resumption until</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Percentage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Points to check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Continues the certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Relapse after the certificate</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n day(s), until %1</source>
        <translation>
            <numerusform>%n day, until %1</numerusform>
            <numerusform>%n days, until %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) to complete before signing</source>
        <translation>
            <numerusform>%n point to complete before signing</numerusform>
            <numerusform>%n points to complete before signing</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to sign — please check the warnings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ready to sign</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✓ Draft saved at %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed on %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed documents cannot be changed. What next?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ExternalProlongationDialog</name>
    <message>
        <source>Prolong a certificate from elsewhere</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type the reference printed on the patient's copy. With the patient's consent the episode is fetched; offline, the draft is made from the paper copy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference of the certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type it, paste it or scan the copy's QR code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start of that certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>End of that certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>RIZIV number of its author</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The patient agrees that I fetch this episode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Consent reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a KMEHR file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Or drop the file on this window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Its period (paper copy)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Author's RIZIV number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fetch episode and prolong</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draft from the paper copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a KMEHR file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>KMEHR message (*.xml)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filled in from the KMEHR file: check, then make the draft.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FieldMessage</name>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to Fit-note</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <source>%1: usually %2–%3 days.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source: fitnote team, clinical review pending.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This episode: %1 days, longer than usual.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pathology sheet (F2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pathology sheet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Justification of the duration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Justification of the duration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why this episode needs more time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pathology sheet: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo / redo in the document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>End date: 3 days, 1 week, 2 weeks, 1 month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>End date as a duration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>type +10 or 2w in the field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>After a date: on to the next field still needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient may leave the house: yes / no</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Y / N</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add ICF capacity in the editor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ICF picker: extent of the limitation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Everything can be done from the keyboard:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IcfPicker</name>
    <message>
        <source>Add work capacities (ICF)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search by code or words, in any language (e.g. d430, tillen, porter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Search ICF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search ICF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear the ICF search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chapters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Suggested sets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ICF search results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ICF chapters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Suggested set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Categories of the suggested set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How limited is the patient? (Alt+0 … Alt+4)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What the patient can do (in the document's language)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Positive statement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add  (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Done  (Ctrl+Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Results: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Suggested for the diagnosis</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search on the left, or browse chapters and suggested sets.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Added: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Who are you?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your name and RIZIV/INAMI number appear on every certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>as on your eID (ties your signature to you)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>RIZIV/INAMI number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>National number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>General practitioner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Specialist or other</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <source>Treating physician</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advising physician</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Occupational physician</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InboxDialog</name>
    <message>
        <source>Conversations with the advising and occupational physicians</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Questions with a deadline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your reply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send reply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New conversation about this document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No questions.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>patient of another physician</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No conversations yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a conversation.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>KmehrExportDialog</name>
    <message>
        <source>Export for the EMR / mutuality (KMEHR)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advising physician of the mutuality</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Medex (civil servants)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Employer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recipient (only their part of the certificate):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The fit-note's ICF capacities are not part of a KMEHR message: they reach the advising and occupational physicians through the platform only.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>KMEHR message (*.xml)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Incapacity certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fit-note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Partial resumption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invalidity recognition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Initial certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prolongation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Relapse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Swimming</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>School sports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sport</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Heavy physical activity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Travel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Voting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Illness</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accident</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Work accident</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accident on the way to or from work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Occupational disease</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pregnancy-related</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Employee</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Civil servant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Self-employed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Job seeker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not fit for work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>May be fit for work, taking into account:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Phased return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Altered hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amended duties</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Workplace adaptations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advising physician (mutuality)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Occupational physician</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Employer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advising physician</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Treating physician</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dutch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>German</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sex unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting to send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent, receipt received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retracted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent, waiting for receipt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replaced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no difficulty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>mild difficulty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>moderate difficulty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>severe difficulty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>complete difficulty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not specified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not applicable</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Fit-note — certificates of incapacity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DEMO — fictitious physician and patients, sandbox endpoint on this computer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Web desk of the advising and occupational physicians: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The browser will warn about the sandbox's own demo certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My patients on sick leave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter my patients on sick leave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New patient…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit patient…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New incapacity certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New stand-alone fit-note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New partial resumption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New invalidity recognition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prolong last certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prolong a certificate from elsewhere…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Relapse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace (correct a sent document)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicate as new</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retract…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete draft…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add ICF capacity…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What changed since the previous document…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pathology sheet of the diagnosis…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview and print PDF copies…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export for the EMR / mutuality (KMEHR)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign and send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Outbox…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversations (TRIO)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mirror information…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the web desk of the advising and occupational physicians (demo)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back to the patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed and sent. The receipt is stored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed. It waits in the outbox and is sent as soon as possible.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete this draft? This cannot be undone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Please wait</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open that certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>KMEHR message saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>● Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>● Offline</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n document(s) waiting to send</source>
        <translation>
            <numerusform>%n document waiting to send</numerusform>
            <numerusform>%n documents waiting to send</numerusform>
        </translation>
    </message>
    <message>
        <source>Outbox: Ctrl+O</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MirrorDialog</name>
    <message>
        <source>Mirror information</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>last %1 months</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Median episode length per pathology group (days)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chart: median episode length per pathology group; the table beside it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Figures per pathology group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pathology group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Episodes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Median (days)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With a fit-note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prolonged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Partial resumption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Episode length of &amp;group:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chart: share of episodes per length; the table beside it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Episodes per length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Episode length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Help (F1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Belgium</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All groups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other diagnoses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fetching the region's figures…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region %1 and Belgium: cells with fewer than 10 physicians or 50 certificates are not shown.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo: the peers are a synthetic population.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region figures unavailable; your own figures are shown.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>too few to show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>episode length (days)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>% of episodes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your certificates of the chosen period, from this computer only, beside anonymised figures of your region and of Belgium from the platform.

A certificate counts when its period begins in the chosen period. Certificates of one patient form an episode when each begins within the relapse window (14 days) after the previous one ends; the episode belongs to the pathology group of its first certificate. Episode length: first to last day. Prolonged: more than one certificate. Partial resumption: one begins during the episode or its relapse window.

The region's and Belgium's figures are shown only for groups with at least 10 physicians and 50 certificates. Ctrl+S exports the figures as CSV.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Outbox</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next attempt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Documents in the outbox</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing waiting: every signed document has been delivered.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting for your action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When you retry</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>Edit patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;National number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. 85.07.30-032.29</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open that patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Born %1 · %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source>Edit patient…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversations…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With the advising and occupational physicians (Ctrl+Shift+M)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prolong last certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prolong a certificate from elsewhere…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stand-alone fit-note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Partial resumption</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invalidity recognition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Questions from the advising and occupational physicians</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Questions about this patient's documents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy consent reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A colleague needs it to fetch the episode (no medical data)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Documents of the patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>born %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Consent reference %1 (given on %2)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PatientSearch</name>
    <message>
        <source>Patients</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name or national number (Ctrl+F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search patients</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear the patient search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patients found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New patient…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recent patients</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No patient found. Press Enter to create one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No patients yet.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Retraction of: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patient: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Document: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Period: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>For: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>eID PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key file password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>to log in to the platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>to sign the document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the PIN of your eID card %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the password of your signing key file %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It is used for this send only and never stored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <source>Your practice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The letterhead of the printed copies.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Practice name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Languages you work in</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>PDF copies</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy for</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dutch and French, side by side</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No preview on this computer; save the PDF to open it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save PDF</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProtectionPage</name>
    <message>
        <source>Protect your profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Everything is encrypted on this computer. Choose how it is unlocked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With my computer login (system keyring)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With a passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passphrase again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At least 12 characters. It cannot be recovered.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How the profile is unlocked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Again</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>Question about a certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Asked on %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The question</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot complete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Say why in your answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Complete with a new certificate…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opens a replacement of the certificate; the answer is sent when the platform has accepted the new certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new certificate is on its way: the answer is sent when the platform has accepted it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>Request to complete the certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contact request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Question about work capacity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other question</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advising physician</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Occupational physician</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answered: cannot complete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New certificate on its way</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>answer by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>patient unknown here</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RetractDialog</name>
    <message>
        <source>Issued in error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replaced by a corrected document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At the patient's request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retract</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retract this document? The recipients are told that it is no longer valid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why is it retracted?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>eID card or other PKCS#11 token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PKCS#12 key files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. 08:30, 13:30</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signer and endpoint changes apply at the next unlock.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PKCS#11 module</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Token label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signature key file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Authentication key file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How you sign</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CA bundle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Receipt certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lock after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificates ending within</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reminders at</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <source>Signing and sending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How you sign (your eID card or a key file), and where to send.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>eID card or other PKCS#11 token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PKCS#12 key files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>empty: the only card present</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PKCS#11 module</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Token label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signature key file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Authentication key file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How you sign</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Endpoint (optional; documents wait in the outbox)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CA bundle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Receipt certificate</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>No incapacity episode yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ongoing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Episode since %1 · day %2 · %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Coming up:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock your profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wait {seconds} s before the next try.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>Patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificate until</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fit-note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unread</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Held: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not fit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fit, adapted work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>open-ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificate ends</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invalidity recognition due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Question waits for your answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refused at sending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Held at sending: needs your action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown patient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <source>My patients on sick leave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter opens the patient. Find any patient on the left (Ctrl+F) or create one (Ctrl+Shift+N); back here with Alt+Home.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Needs action today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Patients with a running incapacity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter the list (Ctrl+Shift+F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter my patients on sick leave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear the filter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing needs action today.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No patient on sick leave matches the filter.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>None of your patients is on sick leave today.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>