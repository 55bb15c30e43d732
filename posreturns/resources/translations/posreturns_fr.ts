<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About posreturns</source>
        <translation>À propos de posreturns</translation>
    </message>
    <message>
        <source>In-store returns for store tills.</source>
        <translation>Retours en magasin pour les caisses.</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Journaux</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>Fonctionne avec</translation>
    </message>
</context>
<context>
    <name>AlertsTab</name>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>What was done (needed to resolve)</source>
        <translation>Ce qui a été fait (obligatoire pour clore)</translation>
    </message>
    <message>
        <source>I&apos;m on it</source>
        <translation>Je m&apos;en occupe</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Clore</translation>
    </message>
    <message>
        <source>acknowledged by {0}</source>
        <translation>pris en charge par {0}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>à traiter</translation>
    </message>
    <message>
        <source>Select an alert first.</source>
        <translation>Choisissez d&apos;abord une alerte.</translation>
    </message>
</context>
<context>
    <name>BackOfficePresenter</name>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation>Impossible d&apos;écrire {0} : {1}</translation>
    </message>
    <message>
        <source>Exported to {0}.</source>
        <translation>Exporté dans {0}.</translation>
    </message>
    <message>
        <source>Card refund confirmed.</source>
        <translation>Remboursement carte confirmé.</translation>
    </message>
    <message>
        <source>Card refund marked failed.</source>
        <translation>Remboursement carte marqué en échec.</translation>
    </message>
    <message>
        <source>The event will be sent again.</source>
        <translation>L&apos;événement sera renvoyé.</translation>
    </message>
    <message>
        <source>Write-off accepted; the event is closed.</source>
        <translation>Perte acceptée ; l&apos;événement est clos.</translation>
    </message>
    <message>
        <source>Enter the cash counted as an amount, such as 29.90.</source>
        <translation>Saisissez les espèces comptées comme un montant, par exemple 29,90.</translation>
    </message>
    <message>
        <source>The day is closed; its Z summary is printing.</source>
        <translation>La journée est clôturée ; son ticket Z s&apos;imprime.</translation>
    </message>
    <message>
        <source>No printer is set up: nothing was printed.</source>
        <translation>Aucune imprimante n&apos;est configurée : rien n&apos;a été imprimé.</translation>
    </message>
    <message>
        <source>Sign in as a manager first.</source>
        <translation>Identifiez-vous d&apos;abord comme responsable.</translation>
    </message>
    <message>
        <source>That did not work; nothing was changed. Try again, and call support if it persists.</source>
        <translation>Cela n&apos;a pas fonctionné ; rien n&apos;a été modifié. Réessayez, et appelez le support si cela persiste.</translation>
    </message>
    <message>
        <source>Paid as store credit; the voucher is printing.</source>
        <translation>Payé en avoir ; le bon d'achat s'imprime.</translation>
    </message>
    <message>
        <source>Paid in cash; the drawer opens.</source>
        <translation>Payé en espèces ; le tiroir-caisse s'ouvre.</translation>
    </message>
    <message>
        <source>No printer is set up: write the voucher code {0} down for the customer.</source>
        <translation>Aucune imprimante n'est configurée : notez le code du bon {0} pour le client.</translation>
    </message>
    <message>
        <source>The voucher is void and the event closed.</source>
        <translation>Le bon d'achat est annulé et l'événement clos.</translation>
    </message>
    <message>
        <source>Approved; the cashier can complete the return.</source>
        <translation>Autorisé ; le caissier peut finaliser le retour.</translation>
    </message>
    <message>
        <source>Refused; the cashier will see your reason.</source>
        <translation>Refusé ; le caissier verra votre motif.</translation>
    </message>
    <message>
        <source>No cash drawer is set up: open it with its key to pay the customer.</source>
        <translation>Aucun tiroir-caisse n&apos;est configuré : ouvrez-le avec sa clé pour payer le client.</translation>
    </message>
</context>
<context>
    <name>BasketLineCard</name>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Pick the serial number…</source>
        <translation>Choisir le numéro de série…</translation>
    </message>
    <message>
        <source>Note (required for &apos;Other&apos;)</source>
        <translation>Commentaire (obligatoire pour « Autre »)</translation>
    </message>
    <message>
        <source>To do: {0}</source>
        <translation>À faire : {0}</translation>
    </message>
    <message>
        <source>Second hand: its grade now, or later by a manager</source>
        <translation>Seconde main : sa note maintenant, ou plus tard par un responsable</translation>
    </message>
    <message>
        <source>A · like new</source>
        <translation>A · comme neuf</translation>
    </message>
    <message>
        <source>B · good</source>
        <translation>B · bon état</translation>
    </message>
    <message>
        <source>C · fair</source>
        <translation>C · état correct</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Second hand {0}</source>
        <translation>Seconde main {0}</translation>
    </message>
</context>
<context>
    <name>DayTab</name>
    <message>
        <source>Tender</source>
        <translation>Moyen de paiement</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Payé par</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retours</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Cash the drawer paid out, as counted</source>
        <translation>Espèces sorties du tiroir, telles que comptées</translation>
    </message>
    <message>
        <source>Why close with items open (needed only then)</source>
        <translation>Pourquoi clôturer avec des points ouverts (seulement dans ce cas)</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>Clôturer la journée</translation>
    </message>
    <message>
        <source>Z</source>
        <translation>Z</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>Clôturée par</translation>
    </message>
    <message>
        <source>Print the Z summary again</source>
        <translation>Réimprimer le ticket Z</translation>
    </message>
    <message>
        <source>Cash paid out by returns</source>
        <translation>Espèces décaissées par les retours</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>Espèces comptées</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Closed days</source>
        <translation>Journées clôturées</translation>
    </message>
    <message>
        <source>Till {0}, {1}: {2} return(s), {3} refunded</source>
        <translation>Caisse {0}, {1} : {2} retour(s), {3} remboursé(s)</translation>
    </message>
    <message>
        <source>correction of a closed day</source>
        <translation>correctif d&apos;une journée clôturée</translation>
    </message>
    <message>
        <source>payment terminal</source>
        <translation>terminal de paiement</translation>
    </message>
    <message>
        <source>this till</source>
        <translation>cette caisse</translation>
    </message>
    <message>
        <source>Still open: {0} sync exception(s), {1} unconfirmed card refund(s). Settle them in Open queues, or give a reason to close anyway.</source>
        <translation>Encore ouverts : {0} anomalie(s) de synchronisation, {1} remboursement(s) carte non confirmé(s). Traitez-les dans Files ouvertes, ou donnez un motif pour clôturer quand même.</translation>
    </message>
    <message>
        <source>Nothing is open: the day can close.</source>
        <translation>Rien n&apos;est ouvert : la journée peut être clôturée.</translation>
    </message>
    <message>
        <source>Enter the cash counted first (0 when no cash was paid out).</source>
        <translation>Saisissez d&apos;abord les espèces comptées (0 si aucune espèce n&apos;est sortie).</translation>
    </message>
    <message>
        <source>Select a closed day first.</source>
        <translation>Sélectionnez d&apos;abord une journée clôturée.</translation>
    </message>
    <message>
        <source>{0} return(s) wait for a manager&apos;s approval.</source>
        <translation>{0} retour(s) en attente de l&apos;autorisation d&apos;un responsable.</translation>
    </message>
    <message>
        <source>{0} failed card refund(s) still to pay another way.</source>
        <translation>{0} remboursement(s) carte échoué(s) encore à payer autrement.</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Choose the replacement…</source>
        <translation>Choisir l&apos;article d&apos;échange…</translation>
    </message>
    <message>
        <source>Complete the return</source>
        <translation>Valider le retour</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Refund method</source>
        <translation>Mode de remboursement</translation>
    </message>
    <message>
        <source>Scan or tap the items the customer brings back.</source>
        <translation>Scannez ou touchez les articles que le client rapporte.</translation>
    </message>
    <message>
        <source>Offer: +{0} if the customer takes store credit.</source>
        <translation>Offre : +{0} si le client choisit un avoir.</translation>
    </message>
    <message>
        <source>Get approval and complete</source>
        <translation>Faire valider par un responsable</translation>
    </message>
    <message>
        <source>Refund: {0}</source>
        <translation>Remboursement : {0}</translation>
    </message>
    <message>
        <source> (on the payment terminal)</source>
        <translation> (sur le terminal de paiement)</translation>
    </message>
    <message>
        <source>Customer pays: {0}</source>
        <translation>Le client paie : {0}</translation>
    </message>
    <message>
        <source>Customer gets back: {0}</source>
        <translation>À rendre au client : {0}</translation>
    </message>
    <message>
        <source>Even exchange: no money moves.</source>
        <translation>Échange à valeur égale : aucun mouvement d&apos;argent.</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}&#xa0;: {1}</translation>
    </message>
    <message>
        <source>Returned items: {0}</source>
        <translation>Articles repris : {0}</translation>
    </message>
    <message>
        <source>Replacement: {0}</source>
        <translation>Article d&apos;échange : {0}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Manager approval</source>
        <translation>Validation responsable</translation>
    </message>
    <message>
        <source>Manager ID</source>
        <translation>Identifiant du responsable</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>Type the manager&apos;s ID first.</source>
        <translation>Saisissez d&apos;abord l&apos;identifiant du responsable.</translation>
    </message>
    <message>
        <source>The PIN could not be checked; try again.</source>
        <translation>Le code PIN n&apos;a pas pu être vérifié ; réessayez.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Reprint the receipt</source>
        <translation>Réimprimer le ticket</translation>
    </message>
    <message>
        <source>New return</source>
        <translation>Nouveau retour</translation>
    </message>
    <message>
        <source>Return {0} is recorded.</source>
        <translation>Retour {0} enregistré.</translation>
    </message>
    <message>
        <source>Refund {0} to the {1} on the payment terminal.</source>
        <translation>Remboursez {0} ({1}) sur le terminal de paiement.</translation>
    </message>
    <message>
        <source>Give {0} in cash from the drawer.</source>
        <translation>Rendez {0} en espèces depuis le tiroir-caisse.</translation>
    </message>
    <message>
        <source>Hand over the voucher {0}.</source>
        <translation>Remettez le bon d&apos;achat {0} au client.</translation>
    </message>
    <message>
        <source>Collect {0} for the exchange.</source>
        <translation>Encaissez {0} pour l&apos;échange.</translation>
    </message>
    <message>
        <source>Printing the receipt…</source>
        <translation>Impression du ticket…</translation>
    </message>
    <message>
        <source>Waiting for the payment terminal…</source>
        <translation>En attente du terminal de paiement…</translation>
    </message>
    <message>
        <source>The payment terminal confirmed the refund.</source>
        <translation>Le terminal de paiement a confirmé le remboursement.</translation>
    </message>
    <message>
        <source>The payment terminal did not refund: the return is recorded; call a manager.</source>
        <translation>Le terminal de paiement n&apos;a pas remboursé : le retour est enregistré ; appelez un responsable.</translation>
    </message>
    <message>
        <source>The till did not take the refund: the return is recorded; call a manager.</source>
        <translation>La caisse n&apos;a pas pris en compte le remboursement : le retour est enregistré ; appelez un responsable.</translation>
    </message>
    <message>
        <source>Receipt printed.</source>
        <translation>Ticket imprimé.</translation>
    </message>
    <message>
        <source>Copy of the receipt printed.</source>
        <translation>Duplicata du ticket imprimé.</translation>
    </message>
    <message>
        <source>The cash drawer is open.</source>
        <translation>Le tiroir-caisse est ouvert.</translation>
    </message>
    <message>
        <source>Give the customer the new item: {0} × {1}.</source>
        <translation>Remettez au client le nouvel article : {0} × {1}.</translation>
    </message>
    <message>
        <source>No printer is set up: no receipt is printed.</source>
        <translation>Aucune imprimante configurée : aucun ticket n&apos;est imprimé.</translation>
    </message>
</context>
<context>
    <name>ExchangePicker</name>
    <message>
        <source>Exchange for…</source>
        <translation>Échanger contre…</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Ici</translation>
    </message>
    <message>
        <source>Other stores</source>
        <translation>Autres magasins</translation>
    </message>
    <message>
        <source>Stock as of {0}</source>
        <translation>Stock au {0}</translation>
    </message>
    <message>
        <source>Not in stock here: choose another size or colour</source>
        <translation>Pas en stock ici : choisissez une autre taille ou couleur</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Scan a receipt, or type a receipt number, phone, e-mail or name</source>
        <translation>Scannez un ticket, ou cherchez par n° de ticket, téléphone, e-mail ou nom</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Return without receipt</source>
        <translation>Retour sans ticket</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>About posreturns</source>
        <translation>À propos de posreturns</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <source>Sales found</source>
        <translation>Ventes trouvées</translation>
    </message>
    <message>
        <source>Recent returns at this till</source>
        <translation>Derniers retours sur cette caisse</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Phone, e-mail or name</source>
        <translation>Téléphone, e-mail ou nom</translation>
    </message>
    <message>
        <source>Card last 4</source>
        <translation>4 derniers chiffres</translation>
    </message>
    <message>
        <source>Amount, e.g. 59.90</source>
        <translation>Montant, ex. 59,90</translation>
    </message>
    <message>
        <source>Card and date</source>
        <translation>Carte et date</translation>
    </message>
    <message>
        <source>Date and amount</source>
        <translation>Date et montant</translation>
    </message>
    <message>
        <source>web</source>
        <translation>web</translation>
    </message>
    <message>
        <source>store</source>
        <translation>magasin</translation>
    </message>
    <message>
        <source>Exchange · customer paid {0}</source>
        <translation>Échange · le client a payé {0}</translation>
    </message>
    <message>
        <source>Exchange · refund {0}</source>
        <translation>Échange · remboursé {0}</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Échange</translation>
    </message>
</context>
<context>
    <name>HostPayments</name>
    <message>
        <source>The payment terminal&apos;s answer could not be recorded; call support.</source>
        <translation>La réponse du terminal de paiement n&apos;a pas pu être enregistrée ; appelez le support.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Wrong size</source>
        <translation>Mauvaise taille</translation>
    </message>
    <message>
        <source>Changed mind</source>
        <translation>Changement d&apos;avis</translation>
    </message>
    <message>
        <source>Defective</source>
        <translation>Défectueux</translation>
    </message>
    <message>
        <source>Damaged in transit</source>
        <translation>Abîmé pendant le transport</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation>Non conforme à la description</translation>
    </message>
    <message>
        <source>Late delivery</source>
        <translation>Livraison en retard</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Mauvais article</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>New with tags</source>
        <translation>Neuf avec étiquettes</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Porté / utilisé</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Abîmé</translation>
    </message>
    <message>
        <source>Missing parts</source>
        <translation>Incomplet</translation>
    </message>
    <message>
        <source>Original payment</source>
        <translation>Moyen de paiement d&apos;origine</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Échange</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte bancaire</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Carte cadeau</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <source>Needs a manager&apos;s approval</source>
        <translation>Validation d&apos;un responsable nécessaire</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>pick a reason</source>
        <translation>choisir un motif</translation>
    </message>
    <message>
        <source>pick a condition</source>
        <translation>choisir l&apos;état</translation>
    </message>
    <message>
        <source>write a note for &apos;Other&apos;</source>
        <translation>écrire un commentaire pour « Autre »</translation>
    </message>
    <message>
        <source>pick the serial number</source>
        <translation>choisir le numéro de série</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Virtual scanner</source>
        <translation>Scanner virtuel</translation>
    </message>
    <message>
        <source>Type a code, press Enter: it is scanned</source>
        <translation>Tapez un code puis Entrée : il est scanné</translation>
    </message>
    <message>
        <source>Virtual scanner (demo)</source>
        <translation>Scanner virtuel (démo)</translation>
    </message>
</context>
<context>
    <name>LookupPresenter</name>
    <message>
        <source>Scan a receipt or type a number, a phone, an e-mail or a name.</source>
        <translation>Scannez un ticket ou saisissez un numéro, un téléphone, un e-mail ou un nom.</translation>
    </message>
    <message>
        <source>No sale matches; check the number or search by phone, e-mail or name.</source>
        <translation>Aucune vente trouvée ; vérifiez le numéro ou cherchez par téléphone, e-mail ou nom.</translation>
    </message>
    <message>
        <source>The search failed ({0}); try again, and call support if it persists.</source>
        <translation>La recherche a échoué ({0}) ; réessayez, et appelez le support si cela continue.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Returns</source>
        <translation>Retours</translation>
    </message>
    <message>
        <source>TRAINING</source>
        <translation>FORMATION</translation>
    </message>
    <message>
        <source>TRAINING / FORMATION — practice only: nothing here is a real refund.</source>
        <translation>TRAINING / FORMATION — exercice : aucun remboursement n'est réel ici.</translation>
    </message>
    <message>
        <source>Sign in first, then scan.</source>
        <translation>Identifiez-vous d'abord, puis scannez.</translation>
    </message>
    <message>
        <source>That is an item&apos;s barcode: scan the receipt first, or choose &apos;Return without receipt&apos;.</source>
        <translation>C&apos;est le code-barres d&apos;un article : scannez d&apos;abord le ticket, ou choisissez « Retour sans ticket ».</translation>
    </message>
    <message>
        <source>The return in progress was restored.</source>
        <translation>Le retour en cours a été restauré.</translation>
    </message>
    <message>
        <source>The last session ended unexpectedly; the return in progress was restored.</source>
        <translation>La dernière session s&apos;est arrêtée de façon inattendue ; le retour en cours a été restauré.</translation>
    </message>
    <message>
        <source>The last session ended unexpectedly; no return was in progress.</source>
        <translation>La dernière session s&apos;est arrêtée de façon inattendue ; aucun retour n&apos;était en cours.</translation>
    </message>
    <message>
        <source>This return needs a manager&apos;s approval.</source>
        <translation>Ce retour doit être validé par un responsable.</translation>
    </message>
    <message>
        <source>Cancel this return? Nothing will be recorded.</source>
        <translation>Annuler ce retour ? Rien ne sera enregistré.</translation>
    </message>
    <message>
        <source>No printer is set up: the receipt cannot be printed.</source>
        <translation>Aucune imprimante configurée : le ticket ne peut pas être imprimé.</translation>
    </message>
    <message>
        <source>Print a copy of the receipt of return {0}?</source>
        <translation>Imprimer un duplicata du ticket du retour {0} ?</translation>
    </message>
</context>
<context>
    <name>ManagerHookup</name>
    <message>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>{0} alert(s) to handle</source>
        <translation>{0} alerte(s) à traiter</translation>
    </message>
</context>
<context>
    <name>ManagerPresenter</name>
    <message>
        <source>Select one or more units first (or scan their tags).</source>
        <translation>Choisissez d&apos;abord un ou plusieurs articles (ou scannez leurs étiquettes).</translation>
    </message>
    <message>
        <source>{0} unit(s) done.</source>
        <translation>{0} article(s) traité(s).</translation>
    </message>
    <message>
        <source>Grade one unit at a time: each gets its own label.</source>
        <translation>Classez un article à la fois : chacun a sa propre étiquette.</translation>
    </message>
    <message>
        <source>Now a second-hand item; its label is printing.</source>
        <translation>C&apos;est maintenant un article de seconde main ; son étiquette s&apos;imprime.</translation>
    </message>
    <message>
        <source>Batch shipped; its slip is printing.</source>
        <translation>Lot expédié ; son bordereau s&apos;imprime.</translation>
    </message>
    <message>
        <source>Alert resolved.</source>
        <translation>Alerte close.</translation>
    </message>
    <message>
        <source>Alert acknowledged.</source>
        <translation>Alerte prise en charge.</translation>
    </message>
    <message>
        <source>Tag(s) sent to the printer.</source>
        <translation>Étiquette(s) envoyée(s) à l&apos;imprimante.</translation>
    </message>
    <message>
        <source>Sign in as a manager first.</source>
        <translation>Identifiez-vous d&apos;abord comme responsable.</translation>
    </message>
    <message>
        <source>No printer is set up: nothing was printed.</source>
        <translation>Aucune imprimante n&apos;est configurée : rien n&apos;a été imprimé.</translation>
    </message>
    <message>
        <source>That did not work; nothing was changed. Try again, and call support if it persists.</source>
        <translation>Cela n&apos;a pas fonctionné ; rien n&apos;a été modifié. Réessayez, et appelez le support si cela persiste.</translation>
    </message>
</context>
<context>
    <name>ManagerWorkspace</name>
    <message>
        <source>Manager sign-in</source>
        <translation>Identification responsable</translation>
    </message>
    <message>
        <source>Restock queue</source>
        <translation>File de remise en stock</translation>
    </message>
    <message>
        <source>Second hand</source>
        <translation>Seconde main</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Open queues</source>
        <translation>Files ouvertes</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>Close of day</source>
        <translation>Clôture</translation>
    </message>
    <message>
        <source>Users and audit</source>
        <translation>Utilisateurs et journal</translation>
    </message>
    <message>
        <source>Back to returns</source>
        <translation>Retour aux retours</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Manager: {0}</source>
        <translation>Responsable : {0}</translation>
    </message>
    <message>
        <source>Sign in first, then scan.</source>
        <translation>Identifiez-vous d'abord, puis scannez.</translation>
    </message>
    <message>
        <source>Alerts ({0})</source>
        <translation>Alertes ({0})</translation>
    </message>
    <message>
        <source>Open queues ({0})</source>
        <translation>Files ouvertes ({0})</translation>
    </message>
</context>
<context>
    <name>ParkedDialog</name>
    <message>
        <source>Waiting for a manager</source>
        <translation>En attente d&apos;un responsable</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Parked</source>
        <translation>Mis en attente</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Manager&apos;s answer</source>
        <translation>Réponse du responsable</translation>
    </message>
    <message>
        <source>Resume and complete</source>
        <translation>Reprendre et finaliser</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>no receipt</source>
        <translation>sans ticket</translation>
    </message>
    <message>
        <source>Approved by {0}: complete it</source>
        <translation>Autorisé par {0} : finalisez-le</translation>
    </message>
    <message>
        <source>Refused by {0}: {1}</source>
        <translation>Refusé par {0} : {1}</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>En attente…</translation>
    </message>
    <message>
        <source>Select a return first.</source>
        <translation>Sélectionnez d&apos;abord un retour.</translation>
    </message>
</context>
<context>
    <name>ParkedHookup</name>
    <message>
        <source>Waiting for a manager</source>
        <translation>En attente d&apos;un responsable</translation>
    </message>
    <message>
        <source>No manager at hand? Park this return until a manager answers, and serve the next customer.</source>
        <translation>Pas de responsable disponible ? Mettez ce retour en attente jusqu&apos;à sa réponse, et servez le client suivant.</translation>
    </message>
</context>
<context>
    <name>ParkedReturnsPresenter</name>
    <message>
        <source>Sign in to park the return.</source>
        <translation>Identifiez-vous pour mettre le retour en attente.</translation>
    </message>
    <message>
        <source>The return waits for a manager; serve the next customer. Resume it from &quot;Waiting for a manager&quot; once they have answered.</source>
        <translation>Le retour attend un responsable ; servez le client suivant. Reprenez-le depuis « En attente d&apos;un responsable » une fois qu&apos;il a répondu.</translation>
    </message>
    <message>
        <source>Sign in to complete the return.</source>
        <translation>Identifiez-vous pour finaliser le retour.</translation>
    </message>
    <message>
        <source>That did not work; nothing was changed. Try again, and call a manager if it persists.</source>
        <translation>Cela n&apos;a pas fonctionné ; rien n&apos;a été modifié. Réessayez, et appelez un responsable si cela persiste.</translation>
    </message>
</context>
<context>
    <name>PeoplePresenter</name>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation>Impossible d&apos;écrire {0} : {1}</translation>
    </message>
    <message>
        <source>Exported to {0}.</source>
        <translation>Exporté dans {0}.</translation>
    </message>
    <message>
        <source>User {0} added.</source>
        <translation>Utilisateur {0} ajouté.</translation>
    </message>
    <message>
        <source>{0} is enabled.</source>
        <translation>{0} est réactivé.</translation>
    </message>
    <message>
        <source>{0} is disabled: they may not sign in.</source>
        <translation>{0} est désactivé : il ne peut plus s&apos;identifier.</translation>
    </message>
    <message>
        <source>{0} has a new PIN.</source>
        <translation>{0} a un nouveau code.</translation>
    </message>
    <message>
        <source>{0} is unlocked.</source>
        <translation>{0} est débloqué.</translation>
    </message>
    <message>
        <source>Sign in as a manager first.</source>
        <translation>Identifiez-vous d&apos;abord comme responsable.</translation>
    </message>
    <message>
        <source>That did not work; nothing was changed. Try again, and call support if it persists.</source>
        <translation>Cela n&apos;a pas fonctionné ; rien n&apos;a été modifié. Réessayez, et appelez le support si cela persiste.</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>ID</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nouveau code</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Changer le code</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <source>Only an administrator adds, disables or unlocks users.</source>
        <translation>Seul un administrateur ajoute, désactive ou débloque des utilisateurs.</translation>
    </message>
    <message>
        <source>Who (user ID)</source>
        <translation>Qui (identifiant)</translation>
    </message>
    <message>
        <source>What (e.g. return., day.closed)</source>
        <translation>Quoi (par ex. return., day.closed)</translation>
    </message>
    <message>
        <source>Return, unit or Z number</source>
        <translation>Retour, article ou numéro de Z</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>Sélectionnez d&apos;abord un utilisateur.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
</context>
<context>
    <name>PrintQueueDialog</name>
    <message>
        <source>Print queue</source>
        <translation>File d&apos;impression</translation>
    </message>
    <message>
        <source>Return receipt</source>
        <translation>Ticket de retour</translation>
    </message>
    <message>
        <source>Test page</source>
        <translation>Page de test</translation>
    </message>
    <message>
        <source>Scanner set-up sheet</source>
        <translation>Feuille de réglage du scanner</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Bon d&apos;achat</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Essais</translation>
    </message>
    <message>
        <source>Why it did not print</source>
        <translation>Pourquoi il n&apos;est pas imprimé</translation>
    </message>
    <message>
        <source>Nothing is waiting for the printer.</source>
        <translation>Rien n&apos;attend l&apos;imprimante.</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Réimprimer</translation>
    </message>
    <message>
        <source>Cancel this job</source>
        <translation>Annuler cette impression</translation>
    </message>
    <message>
        <source>Print all again</source>
        <translation>Tout réimprimer</translation>
    </message>
    <message>
        <source>(copy)</source>
        <translation>(duplicata)</translation>
    </message>
</context>
<context>
    <name>PrintQueuePresenter</name>
    <message>
        <source>Printing…</source>
        <translation>Impression…</translation>
    </message>
    <message>
        <source>Printed.</source>
        <translation>Imprimé.</translation>
    </message>
    <message>
        <source>{0} printed, {1} still waiting.</source>
        <translation>{0} imprimé(s), {1} encore en attente.</translation>
    </message>
    <message>
        <source>Cancelled: it will not print. The receipt can still be reprinted from the return.</source>
        <translation>Annulé : il ne sera pas imprimé. Le ticket peut toujours être réimprimé depuis le retour.</translation>
    </message>
    <message>
        <source>That job was no longer waiting.</source>
        <translation>Cette impression n&apos;était plus en attente.</translation>
    </message>
    <message>
        <source>Something went wrong ({0}); nothing was changed.</source>
        <translation>Un problème est survenu ({0}) ; rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>QtBinding</name>
    <message>
        <source>This till&apos;s Qt library has a known fault and may close without warning during the day: call support to have it replaced.</source>
        <translation>La bibliothèque Qt de cette caisse a un défaut connu et peut fermer la caisse sans prévenir dans la journée : appelez le support pour la faire remplacer.</translation>
    </message>
</context>
<context>
    <name>QueuesTab</name>
    <message>
        <source>Return</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <source>Card refund</source>
        <translation>Remboursement carte</translation>
    </message>
    <message>
        <source>Terminal&apos;s reference, or why it failed</source>
        <translation>Référence du terminal, ou raison de l&apos;échec</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Mark failed</source>
        <translation>Marquer en échec</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Why the OMS refused it</source>
        <translation>Pourquoi l&apos;OMS l&apos;a refusé</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Note (needed to accept a write-off)</source>
        <translation>Note (obligatoire pour accepter la perte)</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>Accept the write-off</source>
        <translation>Accepter la perte</translation>
    </message>
    <message>
        <source>Card refunds the terminal has not confirmed</source>
        <translation>Remboursements carte non confirmés par le terminal</translation>
    </message>
    <message>
        <source>Events the OMS refused</source>
        <translation>Événements refusés par l&apos;OMS</translation>
    </message>
    <message>
        <source>Select a card refund first.</source>
        <translation>Sélectionnez d&apos;abord un remboursement carte.</translation>
    </message>
    <message>
        <source>Select a refused event first.</source>
        <translation>Sélectionnez d&apos;abord un événement refusé.</translation>
    </message>
    <message>
        <source>Why it failed</source>
        <translation>Motif de l'échec</translation>
    </message>
    <message>
        <source>Cash allowed</source>
        <translation>Espèces autorisées</translation>
    </message>
    <message>
        <source>Pay as store credit</source>
        <translation>Payer en avoir</translation>
    </message>
    <message>
        <source>Pay cash</source>
        <translation>Payer en espèces</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Failed card refunds to pay another way</source>
        <translation>Remboursements carte échoués à payer autrement</translation>
    </message>
    <message>
        <source>Select a failed card refund first.</source>
        <translation>Sélectionnez d'abord un remboursement carte échoué.</translation>
    </message>
    <message>
        <source>Void the voucher</source>
        <translation>Annuler le bon d'achat</translation>
    </message>
    <message>
        <source>Contact the customer</source>
        <translation>Contacter le client</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Reason (needed to refuse)</source>
        <translation>Motif (obligatoire pour refuser)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Autoriser</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Returns waiting for a manager's approval</source>
        <translation>Retours en attente de l'autorisation d'un responsable</translation>
    </message>
    <message>
        <source>no receipt</source>
        <translation>sans ticket</translation>
    </message>
    <message>
        <source>Select a return waiting for approval first.</source>
        <translation>Sélectionnez d'abord un retour en attente d'autorisation.</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <source>Returns by reason</source>
        <translation>Retours par motif</translation>
    </message>
    <message>
        <source>Refunded by day ({0})</source>
        <translation>Remboursé par jour ({0})</translation>
    </message>
    <message>
        <source>Units by disposition</source>
        <translation>Articles par destination</translation>
    </message>
    <message>
        <source>What the returns became</source>
        <translation>Ce que sont devenus les retours</translation>
    </message>
</context>
<context>
    <name>ReportLabels</name>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>SKU (top 10)</source>
        <translation>Référence (10 premières)</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Moyen de paiement</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Refund method</source>
        <translation>Mode de remboursement</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Customers returning most (top 10)</source>
        <translation>Clients qui retournent le plus (10 premiers)</translation>
    </message>
    <message>
        <source>Back on sale</source>
        <translation>Remis en vente</translation>
    </message>
    <message>
        <source>To inspect</source>
        <translation>À contrôler</translation>
    </message>
    <message>
        <source>Refurbish</source>
        <translation>À reconditionner</translation>
    </message>
    <message>
        <source>Second hand</source>
        <translation>Seconde main</translation>
    </message>
    <message>
        <source>Return to vendor</source>
        <translation>Retour fournisseur</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>Rebut</translation>
    </message>
    <message>
        <source>Store sale</source>
        <translation>Vente en magasin</translation>
    </message>
    <message>
        <source>Web order</source>
        <translation>Commande web</translation>
    </message>
    <message>
        <source>No receipt</source>
        <translation>Sans ticket</translation>
    </message>
    <message>
        <source>Without receipt</source>
        <translation>Sans ticket</translation>
    </message>
    <message>
        <source>Approved by a manager</source>
        <translation>Autorisés par un responsable</translation>
    </message>
    <message>
        <source>Kept as exchange or store credit</source>
        <translation>Gardés en échange ou en avoir</translation>
    </message>
    <message>
        <source>Bonus granted</source>
        <translation>Bonus accordé</translation>
    </message>
    <message>
        <source>Graded for second hand</source>
        <translation>Classés en seconde main</translation>
    </message>
    <message>
        <source>not known (another till)</source>
        <translation>inconnu (autre caisse)</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>Returns</source>
        <translation>Retours</translation>
    </message>
    <message>
        <source>unit(s)</source>
        <translation>article(s)</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Without receipt</source>
        <translation>Sans ticket</translation>
    </message>
    <message>
        <source>Approved by a manager</source>
        <translation>Autorisés par un responsable</translation>
    </message>
    <message>
        <source>Kept as exchange or store credit</source>
        <translation>Gardés en échange ou en avoir</translation>
    </message>
    <message>
        <source>Bonus granted</source>
        <translation>Bonus accordé</translation>
    </message>
    <message>
        <source>Back on sale at once</source>
        <translation>Remis en vente aussitôt</translation>
    </message>
    <message>
        <source>Second-hand recovery</source>
        <translation>Récupéré en seconde main</translation>
    </message>
    <message>
        <source>Handling cost</source>
        <translation>Coût de traitement</translation>
    </message>
    <message>
        <source>Written off (scrapped)</source>
        <translation>Perte (mis au rebut)</translation>
    </message>
    <message>
        <source>Estimated cost of returns</source>
        <translation>Coût estimé des retours</translation>
    </message>
    <message>
        <source>Net of second-hand recovery</source>
        <translation>Net de la seconde main</translation>
    </message>
    <message>
        <source>Return rate against sales</source>
        <translation>Taux de retour sur les ventes</translation>
    </message>
    <message>
        <source>whole store</source>
        <translation>tout le magasin</translation>
    </message>
    <message>
        <source>till</source>
        <translation>caisse</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Returns report</source>
        <translation>Rapport des retours</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>This till</source>
        <translation>Cette caisse</translation>
    </message>
    <message>
        <source>Whole store</source>
        <translation>Tout le magasin</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 jours</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retours</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Click a figure to see the returns it counts.</source>
        <translation>Cliquez sur un chiffre pour voir les retours qu&apos;il compte.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>{0} return(s) behind “{1}”</source>
        <translation>{0} retour(s) derrière « {1} »</translation>
    </message>
    <message>
        <source>Show a report first.</source>
        <translation>Affichez d&apos;abord un rapport.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ResaleTab</name>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>EAN-13</source>
        <translation>EAN-13</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Récupéré</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>RTV batch</source>
        <translation>Lot fournisseur</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Ouvert par</translation>
    </message>
    <message>
        <source>Tracking number or vendor&apos;s RMA (optional)</source>
        <translation>Numéro de suivi ou accord de retour du fournisseur (facultatif)</translation>
    </message>
    <message>
        <source>Ship the selected batch</source>
        <translation>Expédier le lot choisi</translation>
    </message>
    <message>
        <source>Print label</source>
        <translation>Imprimer l&apos;étiquette</translation>
    </message>
    <message>
        <source>Second-hand items</source>
        <translation>Articles de seconde main</translation>
    </message>
    <message>
        <source>Open return-to-vendor batches</source>
        <translation>Lots de retour fournisseur ouverts</translation>
    </message>
    <message>
        <source>Select the batch to ship.</source>
        <translation>Choisissez le lot à expédier.</translation>
    </message>
    <message>
        <source>Select the item whose label to print.</source>
        <translation>Choisissez l&apos;article dont imprimer l&apos;étiquette.</translation>
    </message>
</context>
<context>
    <name>RestockTab</name>
    <message>
        <source>Scan an inspection tag to select its unit</source>
        <translation>Scannez une étiquette d&apos;inspection pour choisir son article</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Age (h)</source>
        <translation>Âge (h)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>N° de série</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Note, or why it is scrapped</source>
        <translation>Note, ou motif de mise au rebut</translation>
    </message>
    <message>
        <source>Vendor (return to vendor)</source>
        <translation>Fournisseur (retour fournisseur)</translation>
    </message>
    <message>
        <source>Back on sale</source>
        <translation>Remettre en vente</translation>
    </message>
    <message>
        <source>Refurbish</source>
        <translation>Reconditionner</translation>
    </message>
    <message>
        <source>Return to vendor</source>
        <translation>Retour fournisseur</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>Mettre au rebut</translation>
    </message>
    <message>
        <source>Reprint tag</source>
        <translation>Réimprimer l&apos;étiquette</translation>
    </message>
    <message>
        <source>Second hand {0}</source>
        <translation>Seconde main {0}</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>refurbishing</source>
        <translation>en reconditionnement</translation>
    </message>
    <message>
        <source>Held for more than {0} hours</source>
        <translation>Mis de côté depuis plus de {0} heures</translation>
    </message>
    <message>
        <source>{0} held</source>
        <translation>{0} mis de côté</translation>
    </message>
    <message>
        <source>{0} overdue</source>
        <translation>{0} en retard</translation>
    </message>
    <message>
        <source>This tag is not in the queue (already dealt with, or another store&apos;s): {0}</source>
        <translation>Cette étiquette n&apos;est pas dans la file (déjà traitée, ou d&apos;un autre magasin) : {0}</translation>
    </message>
</context>
<context>
    <name>ReturnFlowPresenter</name>
    <message>
        <source>This item has already been returned; nothing is left to return on this line.</source>
        <translation>Cet article a déjà été retourné ; il ne reste rien à retourner sur cette ligne.</translation>
    </message>
    <message>
        <source>All returnable units of this line are already in the return.</source>
        <translation>Toutes les unités retournables de cette ligne sont déjà dans le retour.</translation>
    </message>
    <message>
        <source>This unit (serial {0}) is already in the return.</source>
        <translation>Cet article (n° de série {0}) est déjà dans le retour.</translation>
    </message>
    <message>
        <source>This unit (serial {0}) has already been returned.</source>
        <translation>Cet article (n° de série {0}) a déjà été retourné.</translation>
    </message>
    <message>
        <source>Serial {0} was not sold on this receipt: check the item, or return it without receipt.</source>
        <translation>Le n° de série {0} n&apos;a pas été vendu sur ce ticket : vérifiez l&apos;article, ou faites un retour sans ticket.</translation>
    </message>
    <message>
        <source>This product is unknown here; scan its barcode again or type its SKU.</source>
        <translation>Produit inconnu ici ; scannez de nouveau son code-barres ou saisissez sa référence.</translation>
    </message>
    <message>
        <source>Pick a reason and a condition for every item before completing.</source>
        <translation>Choisissez un motif et un état pour chaque article avant de valider.</translation>
    </message>
    <message>
        <source>Sign in to complete the return.</source>
        <translation>Identifiez-vous pour valider le retour.</translation>
    </message>
    <message>
        <source>The receipt could not be printed; the return is saved. Reprint it when the printer is ready.</source>
        <translation>Le ticket n&apos;a pas pu être imprimé ; le retour est enregistré. Réimprimez-le quand l&apos;imprimante sera prête.</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was recorded. Try again, and call support if it persists.</source>
        <translation>Un problème est survenu ; rien n&apos;a été enregistré. Réessayez, et appelez le support si cela continue.</translation>
    </message>
</context>
<context>
    <name>ReturnPage</name>
    <message>
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendu</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Retourné</translation>
    </message>
    <message>
        <source>Returnable</source>
        <translation>Retournable</translation>
    </message>
    <message>
        <source>Unit paid</source>
        <translation>Prix payé</translation>
    </message>
    <message>
        <source>Scan or type an item&apos;s barcode or SKU</source>
        <translation>Scannez ou saisissez le code-barres ou la référence d&apos;un article</translation>
    </message>
    <message>
        <source>Customer phone or e-mail (required without receipt)</source>
        <translation>Téléphone ou e-mail du client (obligatoire sans ticket)</translation>
    </message>
    <message>
        <source>Items returned</source>
        <translation>Articles retournés</translation>
    </message>
    <message>
        <source>Return without receipt: store credit only, at most today&apos;s price.</source>
        <translation>Retour sans ticket : avoir uniquement, au plus au prix du jour.</translation>
    </message>
    <message>
        <source>no customer</source>
        <translation>client anonyme</translation>
    </message>
    <message>
        <source>Replacement: {0} · {1}</source>
        <translation>Échange : {0} · {1}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Scan or tap the items the customer brings back.</source>
        <translation>Scannez ou touchez les articles que le client rapporte.</translation>
    </message>
    <message>
        <source>Pick a reason and a condition for each item.</source>
        <translation>Choisissez un motif et un état pour chaque article.</translation>
    </message>
</context>
<context>
    <name>ScannerSetupDialog</name>
    <message>
        <source>Scanner set-up</source>
        <translation>Réglage du scanner</translation>
    </message>
    <message>
        <source>Scan any code, or the test codes of the set-up sheet: this page shows what the scanner typed and what to change. Scans do nothing else while it is open.</source>
        <translation>Scannez un code, ou les codes de test de la feuille de réglage : cette page montre ce que le scanner a tapé et ce qu&apos;il faut changer. Tant qu&apos;elle est ouverte, les scans ne font rien d&apos;autre.</translation>
    </message>
    <message>
        <source>Nothing scanned yet.</source>
        <translation>Rien n&apos;a encore été scanné.</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>Scanné</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Rythme</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Lu comme</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Touche</translation>
    </message>
    <message>
        <source>Modifiers</source>
        <translation>Modificateurs</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Print the set-up sheet</source>
        <translation>Imprimer la feuille de réglage</translation>
    </message>
    <message>
        <source>ended by the suffix</source>
        <translation>terminé par le suffixe</translation>
    </message>
    <message>
        <source>ended by a pause, no suffix</source>
        <translation>terminé par une pause, sans suffixe</translation>
    </message>
    <message>
        <source>{0} key presses in {1} ms, longest gap {2} ms, {3}</source>
        <translation>{0} touches en {1} ms, plus long écart {2} ms, {3}</translation>
    </message>
</context>
<context>
    <name>ScannerSetupPresenter</name>
    <message>
        <source>No keyboard scanner is watched here: scans from a serial scanner show in the window as usual.</source>
        <translation>Aucun scanner clavier n&apos;est suivi ici : les scans d&apos;un scanner série s&apos;affichent dans la fenêtre comme d&apos;habitude.</translation>
    </message>
    <message>
        <source>No receipt printer is set up: set its address first.</source>
        <translation>Aucune imprimante de tickets n&apos;est configurée : indiquez d&apos;abord son adresse.</translation>
    </message>
    <message>
        <source>Printing the set-up sheet…</source>
        <translation>Impression de la feuille de réglage…</translation>
    </message>
    <message>
        <source>Set-up sheet printed: scan its codes here.</source>
        <translation>Feuille de réglage imprimée : scannez ses codes ici.</translation>
    </message>
    <message>
        <source>Something went wrong ({0}); nothing was changed.</source>
        <translation>Un problème est survenu ({0}) ; rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>SerialScannerBridge</name>
    <message>
        <source>Unreadable scan: scan the code again or type it.</source>
        <translation>Lecture illisible : scannez de nouveau le code ou saisissez-le.</translation>
    </message>
    <message>
        <source>Scanner connected</source>
        <translation>Scanner connecté</translation>
    </message>
    <message>
        <source>Scanner disconnected</source>
        <translation>Scanner déconnecté</translation>
    </message>
    <message>
        <source>Scanner reconnecting…</source>
        <translation>Reconnexion du scanner…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Keyboard (USB, like a keyboard)</source>
        <translation>Clavier (USB, comme un clavier)</translation>
    </message>
    <message>
        <source>Serial port (COM / USB-CDC)</source>
        <translation>Port série (COM / USB-CDC)</translation>
    </message>
    <message>
        <source>e.g. COM3 or /dev/ttyACM0</source>
        <translation>ex. COM3 ou /dev/ttyACM0</translation>
    </message>
    <message>
        <source>Enter or Tab</source>
        <translation>Entrée ou Tab</translation>
    </message>
    <message>
        <source>Enter (CR)</source>
        <translation>Entrée (CR)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>None (ends on a pause)</source>
        <translation>Aucun (fin sur une pause)</translation>
    </message>
    <message>
        <source>9600 (usual)</source>
        <translation>9600 (habituel)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Even</source>
        <translation>Paire</translation>
    </message>
    <message>
        <source>Odd</source>
        <translation>Impaire</translation>
    </message>
    <message>
        <source>e.g. | (empty: GS as Ctrl+])</source>
        <translation>ex. | (vide : GS par Ctrl+])</translation>
    </message>
    <message>
        <source>Scanner set-up…</source>
        <translation>Réglage du scanner…</translation>
    </message>
    <message>
        <source>e.g. tcp://192.168.1.50:9100</source>
        <translation>ex. tcp://192.168.1.50:9100</translation>
    </message>
    <message>
        <source>your own profile file (optional)</source>
        <translation>votre propre fichier de profil (facultatif)</translation>
    </message>
    <message>
        <source>e.g. https://oms.example.com</source>
        <translation>ex. https://oms.example.com</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>Test d&apos;impression</translation>
    </message>
    <message>
        <source>Test drawer</source>
        <translation>Test du tiroir-caisse</translation>
    </message>
    <message>
        <source>This till</source>
        <translation>Cette caisse</translation>
    </message>
    <message>
        <source>Store ID</source>
        <translation>Identifiant du magasin</translation>
    </message>
    <message>
        <source>Till ID</source>
        <translation>Identifiant de la caisse</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Branchement</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>Suffixe</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>Parity</source>
        <translation>Parité</translation>
    </message>
    <message>
        <source>GS stand-in</source>
        <translation>Remplaçant de GS</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Imprimante de tickets</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Profile file</source>
        <translation>Fichier de profil</translation>
    </message>
    <message>
        <source>Head office (OMS)</source>
        <translation>Siège (OMS)</translation>
    </message>
    <message>
        <source>The API key is not shown here: the command `posreturns oms connect` stores it securely.</source>
        <translation>La clé d&apos;API n&apos;est pas affichée ici : la commande `posreturns oms connect` la conserve de façon sécurisée.</translation>
    </message>
    <message>
        <source>No: a window</source>
        <translation>Non : une fenêtre</translation>
    </message>
    <message>
        <source>Yes: a kiosk till</source>
        <translation>Oui : caisse en mode kiosque</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Plein écran</translation>
    </message>
</context>
<context>
    <name>SettingsPresenter</name>
    <message>
        <source>This till will pull everything again from the head office for the new address or store (what it pulled before is forgotten). The returns not yet sent go there. Continue?</source>
        <translation>Cette caisse va tout recharger depuis le siège pour la nouvelle adresse ou le nouveau magasin (ce qu&apos;elle avait chargé est oublié). Les retours pas encore envoyés y partiront. Continuer ?</translation>
    </message>
    <message>
        <source>The settings are for a manager or an administrator: enter your ID and PIN.</source>
        <translation>Les réglages sont réservés aux responsables et administrateurs : saisissez votre identifiant et votre code PIN.</translation>
    </message>
    <message>
        <source>Give this till an ID, e.g. T1.</source>
        <translation>Donnez un identifiant à cette caisse, ex. T1.</translation>
    </message>
    <message>
        <source>A serial scanner needs its port, e.g. COM3 or /dev/ttyACM0.</source>
        <translation>Un scanner série a besoin de son port, ex. COM3 ou /dev/ttyACM0.</translation>
    </message>
    <message>
        <source>Choose the language from the list.</source>
        <translation>Choisissez la langue dans la liste.</translation>
    </message>
    <message>
        <source>Sign in again to change the settings.</source>
        <translation>Identifiez-vous à nouveau pour modifier les réglages.</translation>
    </message>
    <message>
        <source>Settings saved. The language, full screen and the scanner change the next time the app starts.</source>
        <translation>Réglages enregistrés. La langue, le plein écran et le scanner changeront au prochain démarrage de l&apos;application.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Réglages enregistrés.</translation>
    </message>
    <message>
        <source>Printer tests are not available here.</source>
        <translation>Les tests d&apos;imprimante ne sont pas disponibles ici.</translation>
    </message>
    <message>
        <source>Enter the printer&apos;s address first, e.g. tcp://192.168.1.50:9100.</source>
        <translation>Saisissez d&apos;abord l&apos;adresse de l&apos;imprimante, ex. tcp://192.168.1.50:9100.</translation>
    </message>
    <message>
        <source>Testing the printer…</source>
        <translation>Test de l&apos;imprimante…</translation>
    </message>
    <message>
        <source>Test page printed.</source>
        <translation>Page de test imprimée.</translation>
    </message>
    <message>
        <source>The test page did not print: {0}</source>
        <translation>La page de test ne s&apos;est pas imprimée : {0}</translation>
    </message>
    <message>
        <source>The cash drawer opened.</source>
        <translation>Le tiroir-caisse s&apos;est ouvert.</translation>
    </message>
    <message>
        <source>Something went wrong ({0}); nothing was changed.</source>
        <translation>Un problème est survenu ({0}) ; rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Identification</translation>
    </message>
    <message>
        <source>Your ID</source>
        <translation>Votre identifiant</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
</context>
<context>
    <name>SignInPresenter</name>
    <message>
        <source>Enter your ID and your PIN.</source>
        <translation>Saisissez votre identifiant et votre code.</translation>
    </message>
    <message>
        <source>Signing in failed; try again, and call support if it persists.</source>
        <translation>L'identification a échoué ; réessayez, et appelez le support si cela persiste.</translation>
    </message>
</context>
<context>
    <name>TillStatusBar</name>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>OMS not set up</source>
        <translation>OMS non configuré</translation>
    </message>
    <message>
        <source>{0} waiting to sync</source>
        <translation>{0} à synchroniser</translation>
    </message>
    <message>
        <source>Sending {0} of {1}…</source>
        <translation>Envoi {0} sur {1}…</translation>
    </message>
    <message>
        <source>{0} refused by the OMS: a manager must resolve them</source>
        <translation>{0} refusé(s) par l&apos;OMS : un responsable doit les traiter</translation>
    </message>
    <message>
        <source>posreturns sync exceptions, then posreturns sync resolve SEQ --retry or --dismiss</source>
        <translation>posreturns sync exceptions, puis posreturns sync resolve SEQ --retry ou --dismiss</translation>
    </message>
    <message>
        <source>{0} held behind them</source>
        <translation>{0} en attente derrière eux</translation>
    </message>
    <message>
        <source>Cache: {0} min old</source>
        <translation>Synchro il y a {0} min</translation>
    </message>
    <message>
        <source>Cache: never synced</source>
        <translation>Jamais synchronisé</translation>
    </message>
    <message>
        <source>No printer set up</source>
        <translation>Aucune imprimante configurée</translation>
    </message>
    <message>
        <source>Printer ready</source>
        <translation>Imprimante prête</translation>
    </message>
    <message>
        <source>Printer: {0}</source>
        <translation>Imprimante : {0}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>{0} to print</source>
        <translation>{0} à imprimer</translation>
    </message>
    <message>
        <source>Receipts waiting for the printer: open the print queue</source>
        <translation>Tickets en attente de l&apos;imprimante : ouvrir la file d&apos;impression</translation>
    </message>
    <message>
        <source>Keyboard scanner</source>
        <translation>Scanner clavier</translation>
    </message>
</context>
<context>
    <name>UnexpectedErrors</name>
    <message>
        <source>Something unexpected went wrong and was recorded for support; the till keeps working: check the screen and carry on, or start the return again.</source>
        <translation>Un problème inattendu est survenu et a été noté pour le support ; la caisse continue de fonctionner : vérifiez l&apos;écran et poursuivez, ou recommencez le retour.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>Fewer</source>
        <translation>Moins</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Plus</translation>
    </message>
</context>
</TS>
