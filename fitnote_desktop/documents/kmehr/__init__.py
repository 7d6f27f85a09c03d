"""KMEHR 1.42 ``kmehrmessage`` export and import of incapacity certificates.

The message is what Belgian GP software and the eHealth Mult-eMediatt service exchange:
one folder, one ``notification`` transaction of type ``incapacity``,
``incapacityextension`` or ``incapacityrelapse``, with the items the Mult-eMediatt
schematron allows. ``export_kmehr`` writes one recipient's dataset; ``import_kmehr``
reads such a message (ours or another EMR's) back into the model.
"""

from fitnote_desktop.documents.kmehr.codes import KmehrRecipient
from fitnote_desktop.documents.kmehr.errors import KmehrError
from fitnote_desktop.documents.kmehr.export import export_kmehr
from fitnote_desktop.documents.kmehr.read import import_kmehr

__all__ = ["KmehrError", "KmehrRecipient", "export_kmehr", "import_kmehr"]
