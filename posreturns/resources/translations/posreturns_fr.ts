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
        <source>The unit has a new code: print its label (Second hand, Print label) and stick it over the old one.</source>
        <translation>L&apos;article a un nouveau code : imprimez son étiquette (Seconde main, Imprimer l&apos;étiquette) et collez-la sur l&apos;ancienne.</translation>
    </message>
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
        <source>Serial number (on the item or its box): scan or type it</source>
        <translation>Numéro de série (sur l'article ou sa boîte) : le scanner ou le saisir</translation>
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
    <message>
        <source>Drawer</source>
        <translation>Tiroir-caisse</translation>
    </message>
    <message>
        <source>No float was entered today: count the cash the drawer paid out.</source>
        <translation>Aucun fond de caisse saisi aujourd&apos;hui : comptez les espèces décaissées.</translation>
    </message>
    <message>
        <source>Float {0} (by {1}), paid out since {2}: expected in the drawer {3}.</source>
        <translation>Fond de caisse {0} (par {1}), décaissé depuis {2} : attendu dans le tiroir {3}.</translation>
    </message>
    <message>
        <source>Cash in the drawer, as counted</source>
        <translation>Espèces dans le tiroir, comptées</translation>
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
    <message>
        <source>Manager override…</source>
        <translation>Dérogation du responsable…</translation>
    </message>
    <message>
        <source>Goodwill store credit…</source>
        <translation>Avoir à titre commercial…</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Customer&apos;s e-mail address or mobile number</source>
        <translation>Adresse e-mail ou numéro de mobile du client</translation>
    </message>
    <message>
        <source>The customer agrees to be contacted</source>
        <translation>Le client accepte d'être contacté</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Ticket</translation>
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
    <message>
        <source>Why (required), e.g. regular customer, box unopened</source>
        <translation>Pourquoi (obligatoire), p. ex. client fidèle, boîte non ouverte</translation>
    </message>
    <message>
        <source>Say why the refusal is lifted first.</source>
        <translation>Indiquez d'abord pourquoi le refus est levé.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
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
        <source>The new item is delivered, nothing to hand over: {0} × {1}.</source>
        <translation>Le nouvel article est livré, rien à remettre : {0} × {1}.</translation>
    </message>
    <message>
        <source>Give the customer the pickup slip printed with the receipt.</source>
        <translation>Remettez au client le bon de retrait imprimé avec le ticket.</translation>
    </message>
    <message>
        <source>Promised offline: tell the customer the store confirms it when the till reconnects.</source>
        <translation>Promis hors ligne : dites au client que le magasin le confirme au retour de la connexion.</translation>
    </message>
    <message>
        <source>No printer is set up: no receipt is printed.</source>
        <translation>Aucune imprimante configurée : aucun ticket n&apos;est imprimé.</translation>
    </message>
    <message>
        <source>The receipt also goes to the customer by e-mail.</source>
        <translation>Le ticket part aussi au client par e-mail.</translation>
    </message>
    <message>
        <source>The customer also gets an SMS with the return&apos;s number and what they get.</source>
        <translation>Le client reçoit aussi un SMS avec le numéro du retour et ce qu'il obtient.</translation>
    </message>
    <message>
        <source>The payment terminal did not answer in time: the card refund is not made; call a manager.</source>
        <translation>Le terminal de paiement n&apos;a pas répondu à temps : le remboursement par carte n&apos;est pas fait ; appelez un responsable.</translation>
    </message>
    <message>
        <source>The card refund was paid another way.</source>
        <translation>Le remboursement par carte a été payé autrement.</translation>
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
        <source>From</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>To the customer's home</source>
        <translation>Au domicile du client</translation>
    </message>
    <message>
        <source>In this store</source>
        <translation>Dans ce magasin</translation>
    </message>
    <message>
        <source>Collect in this store</source>
        <translation>Retrait dans ce magasin</translation>
    </message>
    <message>
        <source>Deliver to the customer's home</source>
        <translation>Livraison au domicile du client</translation>
    </message>
    <message>
        <source>Where it comes from</source>
        <translation>D'où vient l'article</translation>
    </message>
    <message>
        <source>Customer's name</source>
        <translation>Nom du client</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Rue</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>The item scanned is not one of these: pick the replacement in the list.</source>
        <translation>L&apos;article scanné n&apos;en fait pas partie : choisissez le remplacement dans la liste.</translation>
    </message>
    <message>
        <source>This store (on the shelf)</source>
        <translation>Ce magasin (en rayon)</translation>
    </message>
    <message>
        <source>handed over now</source>
        <translation>remis tout de suite</translation>
    </message>
    <message>
        <source>{0} min ago</source>
        <translation>il y a {0} min</translation>
    </message>
    <message>
        <source>{0} h ago</source>
        <translation>il y a {0} h</translation>
    </message>
    <message>
        <source>Not in stock here: choose where it comes from in the list below.</source>
        <translation>Pas en stock ici : choisissez d'où il vient dans la liste ci-dessous.</translation>
    </message>
    <message>
        <source>This source does not deliver there: choose the other destination or another source.</source>
        <translation>Cette provenance ne livre pas là : choisissez l'autre destination ou une autre provenance.</translation>
    </message>
    <message>
        <source>The address the store holds for this customer: check it with them.</source>
        <translation>L'adresse que le magasin connaît pour ce client : vérifiez-la avec lui.</translation>
    </message>
    <message>
        <source>This store does not send parcels home: hand it over now, or choose another source.</source>
        <translation>Ce magasin n'envoie pas de colis à domicile : remettez l'article maintenant ou choisissez une autre source.</translation>
    </message>
</context>
<context>
    <name>FloatDialog</name>
    <message>
        <source>Drawer float</source>
        <translation>Fond de caisse</translation>
    </message>
    <message>
        <source>Count the cash in the drawer and enter it. The till refunds cash only while the drawer holds enough; beyond it, the cash part is given as store credit.</source>
        <translation>Comptez les espèces du tiroir et saisissez le montant. La caisse ne rembourse en espèces que si le tiroir en contient assez ; au-delà, la part en espèces est donnée en avoir.</translation>
    </message>
    <message>
        <source>Cash in the drawer, e.g. {0}</source>
        <translation>Espèces dans le tiroir, p. ex. {0}</translation>
    </message>
    <message>
        <source>Save the float</source>
        <translation>Enregistrer le fond de caisse</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Enter the cash counted in the drawer (0 when it is empty).</source>
        <translation>Saisissez les espèces comptées dans le tiroir (0 s&apos;il est vide).</translation>
    </message>
    <message>
        <source>The float could not be saved; try again.</source>
        <translation>Le fond de caisse n&apos;a pas pu être enregistré ; réessayez.</translation>
    </message>
</context>
<context>
    <name>FloatPrompt</name>
    <message>
        <source>Drawer float</source>
        <translation>Fond de caisse</translation>
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
    <name>HostFallback</name>
    <message>
        <source>Pay as store credit</source>
        <translation>Payer en avoir</translation>
    </message>
    <message>
        <source>Pay in cash</source>
        <translation>Payer en espèces</translation>
    </message>
    <message>
        <source>Pay the customer {0} another way (a manager&apos;s PIN):</source>
        <translation>Payer {0} au client autrement (PIN d&apos;un responsable) :</translation>
    </message>
    <message>
        <source>The card refund of return {0} is paid as {1}.</source>
        <translation>Le remboursement par carte du retour {0} est payé en {1}.</translation>
    </message>
    <message>
        <source>store credit</source>
        <translation>avoir</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>espèces</translation>
    </message>
    <message>
        <source>The payment could not be recorded; call a manager.</source>
        <translation>Le paiement n&apos;a pas pu être enregistré ; appelez un responsable.</translation>
    </message>
    <message>
        <source>Paid as store credit: hand over the voucher {0} ({1}).</source>
        <translation>Payé en avoir : remettez le bon d&apos;achat {0} ({1}).</translation>
    </message>
    <message>
        <source>Paid in cash: give {0} from the drawer.</source>
        <translation>Payé en espèces : donnez {0} du tiroir-caisse.</translation>
    </message>
</context>
<context>
    <name>HostPayments</name>
    <message>
        <source>The payment terminal&apos;s answer could not be recorded; call support.</source>
        <translation>La réponse du terminal de paiement n&apos;a pas pu être enregistrée ; appelez le support.</translation>
    </message>
    <message>
        <source>The payment terminal confirmed return {0} after the till stopped waiting: call a manager to check the customer is not paid twice.</source>
        <translation>Le terminal de paiement a confirmé le retour {0} après que la caisse a cessé d&apos;attendre : appelez un responsable pour vérifier que le client n&apos;est pas payé deux fois.</translation>
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
        <source>This window takes no scan: finish or close it, then scan again.</source>
        <translation>Cette fenêtre ne prend pas de scan : terminez-la ou fermez-la, puis scannez à nouveau.</translation>
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
    <message>
        <source>Goodwill store credit instead of the refusal: a manager signs for it.</source>
        <translation>Avoir à titre commercial au lieu du refus : un responsable le signe.</translation>
    </message>
    <message>
        <source>Override the refusal: a manager signs for it.</source>
        <translation>Passer outre le refus : un responsable le signe.</translation>
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
        <source>Policy and settings</source>
        <translation>Politique et réglages</translation>
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
    <name>PolicyTab</name>
    <message>
        <source>Setting</source>
        <translation>Réglage</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Who may change it</source>
        <translation>Qui peut le changer</translation>
    </message>
    <message>
        <source>Change settings…</source>
        <translation>Changer les réglages…</translation>
    </message>
    <message>
        <source>The till&apos;s settings</source>
        <translation>Les réglages de la caisse</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>intégrée</translation>
    </message>
    <message>
        <source>loaded {0}</source>
        <translation>chargée le {0}</translation>
    </message>
    <message>
        <source>Return policy in force: version {0} ({1}, fingerprint {2})</source>
        <translation>Politique de retour en vigueur : version {0} ({1}, empreinte {2})</translation>
    </message>
    <message>
        <source>a manager</source>
        <translation>un responsable</translation>
    </message>
    <message>
        <source>an administrator</source>
        <translation>un administrateur</translation>
    </message>
    <message>
        <source>Policy files (*.toml)</source>
        <translation>Fichiers de politique (*.toml)</translation>
    </message>
    <message>
        <source>Load a policy file…</source>
        <translation>Charger un fichier de politique…</translation>
    </message>
    <message>
        <source>Rule or limit</source>
        <translation>Règle ou limite</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>En vigueur</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>Dans le fichier</translation>
    </message>
    <message>
        <source>Load this policy</source>
        <translation>Charger cette politique</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The computer&apos;s</source>
        <translation>Celle de l&apos;ordinateur</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Enregistrer les réglages</translation>
    </message>
    <message>
        <source>Sign out after</source>
        <translation>Déconnexion après</translation>
    </message>
    <message>
        <source>Highlight held units after</source>
        <translation>Signaler les articles en attente après</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Printer, scanner and the other settings: the settings screen, which asks for a PIN. Every change is in the audit log.</source>
        <translation>Imprimante, scanner et autres réglages : l&apos;écran des réglages, qui demande un code PIN. Chaque modification est dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>An administrator loads a new policy: what it changes shows first.</source>
        <translation>Un administrateur charge une nouvelle politique : ce qu&apos;elle change s&apos;affiche d&apos;abord.</translation>
    </message>
    <message>
        <source>Only an administrator loads a policy; you see it read-only.</source>
        <translation>Seul un administrateur charge une politique ; vous la consultez en lecture seule.</translation>
    </message>
    <message>
        <source>{0} is the policy in force: loading it changes nothing.</source>
        <translation>{0} est la politique en vigueur : la charger ne change rien.</translation>
    </message>
    <message>
        <source>{0}: version {1} → {2}. It changes {3} rule(s) or limit(s):</source>
        <translation>{0} : version {1} → {2}. Elle change {3} règle(s) ou limite(s) :</translation>
    </message>
    <message>
        <source>The settings greyed here are an administrator&apos;s to change.</source>
        <translation>Les réglages grisés ici relèvent d&apos;un administrateur.</translation>
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
        <source>New label</source>
        <translation>Nouvelle étiquette</translation>
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
        <source>Approvals</source>
        <translation>Accords</translation>
    </message>
    <message>
        <source>Unconfirmed card refunds</source>
        <translation>Remboursements carte non confirmés</translation>
    </message>
    <message>
        <source>Failed card refunds</source>
        <translation>Remboursements carte échoués</translation>
    </message>
    <message>
        <source>Refused by the OMS</source>
        <translation>Refusés par l&apos;OMS</translation>
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
    <message>
        <source>Serial returners</source>
        <translation>Retours fréquents</translation>
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
    <message>
        <source>Sales kept and delivered exchanges</source>
        <translation>Ventes conservées et échanges livrés</translation>
    </message>
    <message>
        <source>Sales kept (exchange, store credit)</source>
        <translation>Ventes conservées (échange, avoir)</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <source>Exchanges, even</source>
        <translation>Échanges sans différence</translation>
    </message>
    <message>
        <source>Exchanges, the customer paid more</source>
        <translation>Échanges, le client a payé la différence</translation>
    </message>
    <message>
        <source>Exchanges, the difference given back</source>
        <translation>Échanges, différence rendue au client</translation>
    </message>
    <message>
        <source>Exchanges handed over here</source>
        <translation>Échanges remis en magasin</translation>
    </message>
    <message>
        <source>Delivered exchanges</source>
        <translation>Échanges livrés</translation>
    </message>
    <message>
        <source>Delivered, confirmed by the OMS</source>
        <translation>Livrés, confirmés par l'OMS</translation>
    </message>
    <message>
        <source>Delivered, provisional (OMS not told yet)</source>
        <translation>Livrés, provisoires (OMS pas encore informé)</translation>
    </message>
    <message>
        <source>Delivered, exception (the source could not)</source>
        <translation>Livrés, exception (la source n'a pas pu)</translation>
    </message>
    <message>
        <source>Paid on top of exchanges</source>
        <translation>Payé en plus lors des échanges</translation>
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
    <message>
        <source>Sales kept instead of refunded</source>
        <translation>Ventes conservées au lieu d'un remboursement</translation>
    </message>
    <message>
        <source>Delivered exchanges</source>
        <translation>Échanges livrés</translation>
    </message>
    <message>
        <source>Delivered, still provisional</source>
        <translation>Livrés, encore provisoires</translation>
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
        <source>An exchange comes from one place: the replacement chosen before was removed.</source>
        <translation>Un échange vient d'un seul endroit : le remplacement choisi avant a été retiré.</translation>
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
    <message>
        <source>{0} is taken as the serial number of {1}; correct it on the item if it is not.</source>
        <translation>{0} est pris comme numéro de série de {1} ; corrigez-le sur l'article si ce n'est pas le cas.</translation>
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
        <source>Return without receipt: store credit only, at most the item&apos;s lowest recent price (its steps below say which).</source>
        <translation>Retour sans ticket : avoir uniquement, au plus au prix le plus bas récent de l'article (le détail ci-dessous dit lequel).</translation>
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
        <source>delivered home from {0}</source>
        <translation>livré à domicile depuis {0}</translation>
    </message>
    <message>
        <source>delivered to this store from {0}</source>
        <translation>livré dans ce magasin depuis {0}</translation>
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
    <message>
        <source>Type the customer&apos;s phone or e-mail: it is required without a receipt.</source>
        <translation>Saisissez le téléphone ou l'e-mail du client : obligatoire sans ticket.</translation>
    </message>
</context>
<context>
    <name>ReturnsWidget</name>
    <message>
        <source>The drawer float could not be saved; try again.</source>
        <translation>Le fond de caisse n&apos;a pas pu être enregistré ; réessayez.</translation>
    </message>
    <message>
        <source>The receipt prints once the payment terminal has answered.</source>
        <translation>Le ticket s&apos;imprime dès que le terminal de paiement a répondu.</translation>
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
        <source>Settings saved. Full screen and the scanner change the next time the app starts.</source>
        <translation>Réglages enregistrés. Le plein écran et le scanner changeront au prochain démarrage de l&apos;application.</translation>
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
<context>
    <name>devices.device_settings</name>
    <message>
        <source>{0!r} is not a {1}: use one of {2}.</source>
        <translation>« {0} » n&apos;est pas {1} : utilisez {2}.</translation>
    </message>
    <message>
        <source>{0!r} is not a serial speed: use one of {1} (9600 is usual).</source>
        <translation>« {0} » n&apos;est pas une vitesse série : utilisez {1} (9600 en général).</translation>
    </message>
    <message>
        <source>{0!r} is not a parity: use N (none), E (even) or O (odd).</source>
        <translation>« {0} » n&apos;est pas une parité : utilisez N (aucune), E (paire) ou O (impaire).</translation>
    </message>
    <message>
        <source>{0!r} cannot stand for the GS1 separator: use one punctuation character, e.g. |.</source>
        <translation>« {0} » ne peut pas remplacer le séparateur GS1 : utilisez un signe de ponctuation, p. ex. |.</translation>
    </message>
    <message>
        <source>The scanner prefix must be 1 to 4 printable characters, e.g. §.</source>
        <translation>Le préfixe du scanner doit faire 1 à 4 caractères imprimables, p. ex. §.</translation>
    </message>
    <message>
        <source>{0} Use tcp://ADDRESS:9100, serial:/dev/ttyUSB0, usblp:/dev/usb/lp0 or file:PATH.</source>
        <translation>{0} Utilisez tcp://ADRESSE:9100, serial:/dev/ttyUSB0, usblp:/dev/usb/lp0 ou file:CHEMIN.</translation>
    </message>
    <message>
        <source>There is no printer profile named {0!r}: choose one of {1}, or set printer.profile_file to your own profile file.</source>
        <translation>Aucun profil d&apos;imprimante ne s&apos;appelle « {0} » : choisissez parmi {1}, ou indiquez votre propre fichier dans printer.profile_file.</translation>
    </message>
    <message>
        <source>The printer profile file is not valid: {0}</source>
        <translation>Le fichier de profil d&apos;imprimante n&apos;est pas valable : {0}</translation>
    </message>
    <message>
        <source>scanner connection</source>
        <translation>un mode de scanner</translation>
    </message>
    <message>
        <source>scanner suffix</source>
        <translation>un suffixe de scanner</translation>
    </message>
</context>
<context>
    <name>devices.drawer</name>
    <message>
        <source>The cash drawer was already opened for this return; it does not open twice.</source>
        <translation>Le tiroir-caisse a déjà été ouvert pour ce retour ; il ne s&apos;ouvre pas deux fois.</translation>
    </message>
    <message>
        <source>The cash drawer did not open ({0}). Open it with its key and tell a manager; it will not open by itself later.</source>
        <translation>Le tiroir-caisse ne s&apos;est pas ouvert ({0}). Ouvrez-le avec sa clé et prévenez un responsable ; il ne s&apos;ouvrira pas tout seul plus tard.</translation>
    </message>
</context>
<context>
    <name>devices.printing</name>
    <message>
        <source>{0} The receipt is kept; reprint it when the printer is ready.</source>
        <translation>{0} Le ticket est conservé ; réimprimez-le quand l&apos;imprimante est prête.</translation>
    </message>
    <message>
        <source>Sent to a printer that cannot confirm it printed: check that the receipt came out (its preview is on the screen) and reprint it if not.</source>
        <translation>Envoyé à une imprimante qui ne peut pas confirmer l&apos;impression : vérifiez que le ticket est sorti (son aperçu est à l&apos;écran) et réimprimez-le sinon.</translation>
    </message>
</context>
<context>
    <name>devices.restock_labels</name>
    <message>
        <source>{0!r} is not a second-hand item; grade the unit first (restock resale).</source>
        <translation>{0!r} n&apos;est pas un article de seconde main ; classez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>No RTV batch {0!r}; `posreturns rtv list` shows them.</source>
        <translation>Aucun lot fournisseur {0!r} ; `posreturns rtv list` les affiche.</translation>
    </message>
</context>
<context>
    <name>devices.scanner</name>
    <message>
        <source>Unreadable scan ({0}); scan it again or type the number.</source>
        <translation>Scan illisible ({0}) ; scannez à nouveau ou tapez le numéro.</translation>
    </message>
</context>
<context>
    <name>devices.wording</name>
    <message>
        <source>RETURN RECEIPT</source>
        <translation>TICKET DE RETOUR</translation>
    </message>
    <message>
        <source>TRAINING / FORMATION</source>
        <translation>TRAINING / FORMATION</translation>
    </message>
    <message>
        <source>Practice only - not a real refund</source>
        <translation>Exercice - remboursement fictif</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>COPY</source>
        <translation>DUPLICATA</translation>
    </message>
    <message>
        <source>Original sale</source>
        <translation>Vente d&apos;origine</translation>
    </message>
    <message>
        <source>Return without receipt</source>
        <translation>Retour sans ticket</translation>
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
        <source>Approved by</source>
        <translation>Approuvé par</translation>
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
        <source>Serial</source>
        <translation>N° de série</translation>
    </message>
    <message>
        <source>Why this amount</source>
        <translation>Détail du montant</translation>
    </message>
    <message>
        <source>TOTAL REFUNDED</source>
        <translation>TOTAL REMBOURSÉ</translation>
    </message>
    <message>
        <source>RETURNED ITEMS</source>
        <translation>ARTICLES REPRIS</translation>
    </message>
    <message>
        <source>Refunded to</source>
        <translation>Remboursé sur</translation>
    </message>
    <message>
        <source>(on the payment terminal)</source>
        <translation>(sur le terminal de paiement)</translation>
    </message>
    <message>
        <source>Shipping refunded</source>
        <translation>Frais de port remboursés</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Échange</translation>
    </message>
    <message>
        <source>To pay by the customer</source>
        <translation>À payer par le client</translation>
    </message>
    <message>
        <source>To refund to the customer</source>
        <translation>À rembourser au client</translation>
    </message>
    <message>
        <source>Even exchange: nothing to pay</source>
        <translation>Échange à valeur égale : rien à payer</translation>
    </message>
    <message>
        <source>STORE CREDIT VOUCHER</source>
        <translation>BON D&apos;ACHAT</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Valid in all our stores. Keep this voucher.</source>
        <translation>Valable dans tous nos magasins. Conservez ce bon.</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Politique</translation>
    </message>
    <message>
        <source>Customer signature</source>
        <translation>Signature du client</translation>
    </message>
    <message>
        <source>Processed offline</source>
        <translation>Traité hors ligne</translation>
    </message>
    <message>
        <source>Thank you for your visit</source>
        <translation>Merci de votre visite</translation>
    </message>
    <message>
        <source>SECOND HAND</source>
        <translation>SECONDE MAIN</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Prix neuf</translation>
    </message>
    <message>
        <source>TO INSPECT</source>
        <translation>À CONTRÔLER</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>RETURN TO VENDOR</source>
        <translation>RETOUR FOURNISSEUR</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Articles</translation>
    </message>
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
        <translation>Abîmé au transport</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation>Non conforme</translation>
    </message>
    <message>
        <source>Late delivery</source>
        <translation>Livraison tardive</translation>
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
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Endommagé</translation>
    </message>
    <message>
        <source>Missing parts</source>
        <translation>Incomplet</translation>
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
        <source>Store credit</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <source>Terminal reference</source>
        <translation>Référence terminal</translation>
    </message>
    <message>
        <source>Card refund declined by the terminal</source>
        <translation>Remboursement carte refusé par le terminal</translation>
    </message>
    <message>
        <source>Paid instead in</source>
        <translation>Payé à la place en</translation>
    </message>
</context>
<context>
    <name>domain.contact</name>
    <message>
        <source>&quot;{0}&quot; is not an e-mail address; check it with the customer.</source>
        <translation>« {0} » n&apos;est pas une adresse e-mail ; vérifiez-la avec le client.</translation>
    </message>
    <message>
        <source>&quot;{0}&quot; is not a phone number; check it with the customer.</source>
        <translation>« {0} » n&apos;est pas un numéro de téléphone ; vérifiez-le avec le client.</translation>
    </message>
    <message>
        <source>To be told by e-mail, the customer needs an e-mail address; type it in.</source>
        <translation>Pour être prévenu par e-mail, le client doit donner une adresse e-mail.</translation>
    </message>
    <message>
        <source>To be told by SMS, the customer needs a phone number; type it in.</source>
        <translation>Pour être prévenu par SMS, le client doit donner un numéro de téléphone.</translation>
    </message>
    <message>
        <source>Ask the customer&apos;s consent before choosing how the store contacts them.</source>
        <translation>Demandez l&apos;accord du client avant de choisir comment le contacter.</translation>
    </message>
    <message>
        <source>An e-receipt needs the customer&apos;s e-mail address; type it in.</source>
        <translation>Un ticket par e-mail demande l&apos;adresse e-mail du client.</translation>
    </message>
    <message>
        <source>The customer&apos;s language must be one of {0}.</source>
        <translation>La langue du client doit être l&apos;une de {0}.</translation>
    </message>
</context>
<context>
    <name>domain.day_close</name>
    <message>
        <source>{0} sync exception(s)</source>
        <translation>{0} anomalie(s) de synchronisation</translation>
    </message>
    <message>
        <source>{0} card refund(s) the terminal has not confirmed</source>
        <translation>{0} remboursement(s) carte non confirmé(s) par le terminal</translation>
    </message>
    <message>
        <source>{0} failed card refund(s) not paid another way</source>
        <translation>{0} remboursement(s) carte échoué(s) non payé(s) autrement</translation>
    </message>
    <message>
        <source>{0} return(s) waiting for a manager</source>
        <translation>{0} retour(s) en attente d&apos;un responsable</translation>
    </message>
</context>
<context>
    <name>domain.held_units</name>
    <message>
        <source>released to sale</source>
        <translation>remis en vente</translation>
    </message>
    <message>
        <source>sent to second hand</source>
        <translation>passé en seconde main</translation>
    </message>
    <message>
        <source>returned to the vendor</source>
        <translation>retourné au fournisseur</translation>
    </message>
    <message>
        <source>scrapped</source>
        <translation>mis au rebut</translation>
    </message>
    <message>
        <source>Unit {0} was already {1} by {2} on {3} UTC; nothing was changed (reload the queue).</source>
        <translation>L&apos;article {0} a déjà été {1} par {2} le {3} UTC ; rien n&apos;a été modifié (rechargez la file).</translation>
    </message>
</context>
<context>
    <name>domain.permissions</name>
    <message>
        <source>find sales</source>
        <translation>rechercher des ventes</translation>
    </message>
    <message>
        <source>quote returns</source>
        <translation>chiffrer des retours</translation>
    </message>
    <message>
        <source>complete returns</source>
        <translation>valider des retours</translation>
    </message>
    <message>
        <source>record the payment terminal&apos;s answer</source>
        <translation>enregistrer la réponse du terminal de paiement</translation>
    </message>
    <message>
        <source>reprint or resend receipts</source>
        <translation>réimprimer ou renvoyer des tickets</translation>
    </message>
    <message>
        <source>approve returns</source>
        <translation>autoriser des retours</translation>
    </message>
    <message>
        <source>open the cash drawer</source>
        <translation>ouvrir le tiroir-caisse</translation>
    </message>
    <message>
        <source>resolve sync exceptions</source>
        <translation>traiter les anomalies de synchronisation</translation>
    </message>
    <message>
        <source>change the printer, scanner and language settings</source>
        <translation>modifier l&apos;imprimante, le scanner et la langue</translation>
    </message>
    <message>
        <source>change the till&apos;s settings</source>
        <translation>modifier les réglages de la caisse</translation>
    </message>
    <message>
        <source>change the return policy</source>
        <translation>modifier la politique de retour</translation>
    </message>
    <message>
        <source>import sales data</source>
        <translation>importer des ventes</translation>
    </message>
    <message>
        <source>manage users and PINs</source>
        <translation>gérer les utilisateurs et les codes</translation>
    </message>
    <message>
        <source>connect the till to the OMS</source>
        <translation>connecter la caisse à l&apos;OMS</translation>
    </message>
    <message>
        <source>restore a backup of the till&apos;s database</source>
        <translation>restaurer une sauvegarde de la base</translation>
    </message>
    <message>
        <source>change the store&apos;s delivery network</source>
        <translation>modifier le réseau de livraison</translation>
    </message>
    <message>
        <source>set up the e-mail relay for e-receipts</source>
        <translation>configurer le relais e-mail des tickets</translation>
    </message>
    <message>
        <source>release, grade, refurbish, return to the vendor or scrap held units</source>
        <translation>remettre en vente, classer, reconditionner, retourner ou mettre au rebut les articles mis de côté</translation>
    </message>
    <message>
        <source>acknowledge or resolve staff alerts</source>
        <translation>prendre en charge ou clore les alertes</translation>
    </message>
    <message>
        <source>print inspection tags and resale labels</source>
        <translation>imprimer les étiquettes d&apos;inspection et de seconde main</translation>
    </message>
    <message>
        <source>close the till&apos;s day (and override what is still open, with a reason)</source>
        <translation>clôturer la journée de la caisse (et passer outre ce qui reste ouvert, avec un motif)</translation>
    </message>
    <message>
        <source>enter the drawer&apos;s float</source>
        <translation>saisir le fond de caisse</translation>
    </message>
</context>
<context>
    <name>domain.pins</name>
    <message>
        <source>A {0}&apos;s PIN is {1} to {2} digits; choose another PIN.</source>
        <translation>Le code d&apos;un(e) {0} compte {1} à {2} chiffres ; choisissez-en un autre.</translation>
    </message>
    <message>
        <source>A PIN of one repeated digit is too easy to guess; choose another PIN.</source>
        <translation>Un code d&apos;un seul chiffre répété se devine trop facilement ; choisissez-en un autre.</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>caissier(ère)</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>responsable</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrateur(trice)</translation>
    </message>
    <message>
        <source>This till&apos;s PIN secret is missing (was the data folder moved to another computer?): no PIN can be checked. Restore the secret (docs/security.md) or call support.</source>
        <translation>Le secret des codes de cette caisse est introuvable (dossier de données déplacé ?) : aucun code ne peut être vérifié. Restaurez-le (docs/security.md) ou appelez le support.</translation>
    </message>
</context>
<context>
    <name>domain.validation</name>
    <message>
        <source>No item is in this return; scan the items the customer brings back.</source>
        <translation>Aucun article dans ce retour ; scannez les articles que le client rapporte.</translation>
    </message>
    <message>
        <source>The reason &quot;other&quot; needs a note; type what the customer said.</source>
        <translation>Le motif « Autre » demande un commentaire ; notez ce que dit le client.</translation>
    </message>
    <message>
        <source>Only {0} of &quot;{1}&quot; can still be returned ({2} of {3} already returned); lower the quantity.</source>
        <translation>Seulement {0} « {1} » peuvent encore être retournés ({2} sur {3} déjà retournés) ; baissez la quantité.</translation>
    </message>
    <message>
        <source>&quot;{0}&quot; is serial-tracked; scan the serial number of each unit.</source>
        <translation>« {0} » a un numéro de série ; scannez le numéro de chaque unité.</translation>
    </message>
    <message>
        <source>Serial {0} was not sold on this line; check the unit and scan again.</source>
        <translation>Le numéro de série {0} n&apos;a pas été vendu sur cette ligne ; vérifiez l&apos;article.</translation>
    </message>
    <message>
        <source>Serial {0} has already been returned; it cannot be returned twice.</source>
        <translation>Le numéro de série {0} a déjà été retourné ; il ne peut pas l&apos;être deux fois.</translation>
    </message>
    <message>
        <source>An exchange needs a replacement item; scan it or choose another refund method.</source>
        <translation>Un échange demande un article de remplacement ; choisissez-le ou un autre mode.</translation>
    </message>
    <message>
        <source>{0} is not in stock in this store; pick another variant or promise a delivery instead.</source>
        <translation>{0} n&apos;est pas en stock dans ce magasin ; choisissez une autre taille ou couleur.</translation>
    </message>
    <message>
        <source>{0} is no longer in stock at {1}; choose another source or another size.</source>
        <translation>{0} n'est plus en stock à {1} ; choisissez une autre source ou une autre taille.</translation>
    </message>
</context>
<context>
    <name>persistence.database_guard</name>
    <message>
        <source>This till&apos;s database has lost what it had recorded ({0}), so no return is issued until a manager restores the latest backup with `posreturns restore FILE` (docs/storage.md).</source>
        <translation>La base de la caisse a perdu ce qu&apos;elle avait enregistré ({0}) : aucun retour n&apos;est possible tant qu&apos;un responsable n&apos;a pas restauré la dernière sauvegarde avec `posreturns restore FICHIER` (docs/storage.md).</translation>
    </message>
    <message>
        <source>The database has lost what it had recorded ({0}); restore the latest backup with `posreturns restore FILE`.</source>
        <translation>La base a perdu ce qu&apos;elle avait enregistré ({0}) ; restaurez la dernière sauvegarde avec `posreturns restore FICHIER`.</translation>
    </message>
</context>
<context>
    <name>persistence.marks</name>
    <message>
        <source>returns {0}-{1} of till {2}</source>
        <translation>retours {0}-{1} de la caisse {2}</translation>
    </message>
    <message>
        <source>outbox events {0}-{1}</source>
        <translation>événements {0}-{1} de l&apos;outbox</translation>
    </message>
</context>
<context>
    <name>persistence.outbox_exceptions</name>
    <message>
        <source>Voucher {0} is not on this till or was voided already.</source>
        <translation>Le bon {0} n&apos;est pas sur cette caisse ou est déjà annulé.</translation>
    </message>
    <message>
        <source>Event {0} is not a second-hand item; only those get a new label.</source>
        <translation>L&apos;événement {0} n&apos;est pas un article de seconde main ; seuls ceux-ci reçoivent une nouvelle étiquette.</translation>
    </message>
</context>
<context>
    <name>persistence.refund_replacements</name>
    <message>
        <source>Return {0}&apos;s failed card refund was paid a moment ago on another screen; it is never paid twice.</source>
        <translation>Le remboursement carte échoué du retour {0} vient d&apos;être payé sur un autre écran ; il n&apos;est jamais payé deux fois.</translation>
    </message>
</context>
<context>
    <name>persistence.resale</name>
    <message>
        <source>This till has no block of second-hand codes from the OMS yet, so its labels could repeat another till&apos;s; connect it to the OMS (posreturns sync --once) and try again.</source>
        <translation>Cette caisse n&apos;a pas encore reçu de l&apos;OMS de bloc de codes seconde main : ses étiquettes pourraient reprendre celles d&apos;une autre caisse ; connectez-la à l&apos;OMS (posreturns sync --once) puis réessayez.</translation>
    </message>
</context>
<context>
    <name>persistence.restock_rtv</name>
    <message>
        <source>No RTV batch {0!r} on this till; `posreturns rtv list` shows them.</source>
        <translation>Aucun lot fournisseur {0!r} sur cette caisse.</translation>
    </message>
    <message>
        <source>RTV batch {0} was already shipped by {1} on {2}; nothing was changed.</source>
        <translation>Le lot {0} a déjà été expédié par {1} le {2} ; rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>persistence.restock_store</name>
    <message>
        <source>No held unit {0!r} on this till; scan its inspection tag again or check `posreturns restock list`.</source>
        <translation>Aucun article mis de côté {0!r} sur cette caisse ; scannez à nouveau son étiquette.</translation>
    </message>
</context>
<context>
    <name>persistence.staff_alerts</name>
    <message>
        <source>No alert {0}; `posreturns alerts list` shows them.</source>
        <translation>Aucune alerte {0} ; `posreturns alerts list` les affiche.</translation>
    </message>
    <message>
        <source>Alert {0} was already resolved by {1}; nothing was changed.</source>
        <translation>L&apos;alerte {0} a déjà été traitée par {1} ; rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>persistence.storage_errors</name>
    <message>
        <source>The disk of the till&apos;s data folder ({0}) is full; nothing was saved. Free some space on it, then try again.</source>
        <translation>Le disque du dossier de données de la caisse ({0}) est plein ; rien n&apos;a été enregistré. Libérez de la place, puis réessayez.</translation>
    </message>
    <message>
        <source>The till&apos;s data folder ({0}) cannot be written (read-only, or no permission); nothing was saved. Give the till&apos;s user write access to it, then try again.</source>
        <translation>Le dossier de données de la caisse ({0}) n&apos;est pas modifiable (lecture seule ou droits insuffisants) ; rien n&apos;a été enregistré. Donnez-en l&apos;accès en écriture à l&apos;utilisateur de la caisse, puis réessayez.</translation>
    </message>
    <message>
        <source>The till&apos;s database is held by another program (another window, a sync or a backup) for too long; nothing was saved. Try again in a moment.</source>
        <translation>La base de la caisse est occupée par un autre programme (une autre fenêtre, la synchronisation ou une sauvegarde) ; rien n&apos;a été enregistré. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The till&apos;s database ({0}) is damaged; nothing more can be saved in it. A manager restores the latest backup with `posreturns restore FILE` (docs/storage.md).</source>
        <translation>La base de la caisse ({0}) est endommagée ; plus rien ne peut y être enregistré. Un responsable restaure la dernière sauvegarde avec `posreturns restore FICHIER` (docs/storage.md).</translation>
    </message>
    <message>
        <source>The till&apos;s database ({0}) cannot be opened (its folder is missing or not allowed to this user); check the data folder, then try again.</source>
        <translation>La base de la caisse ({0}) ne peut pas être ouverte (dossier absent ou interdit à cet utilisateur) ; vérifiez le dossier de données, puis réessayez.</translation>
    </message>
    <message>
        <source>The disk of the till&apos;s data folder ({0}) failed to read or write; nothing was saved. Check the disk, then try again.</source>
        <translation>Le disque du dossier de données de la caisse ({0}) n&apos;a pas pu lire ou écrire ; rien n&apos;a été enregistré. Vérifiez le disque, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>persistence.till_days</name>
    <message>
        <source>Day {0} of till {1} was closed a moment ago on another screen; look at `posreturns day list` before closing again.</source>
        <translation>La journée du {0} de la caisse {1} vient d&apos;être clôturée sur un autre écran ; consultez `posreturns day list` avant de clôturer à nouveau.</translation>
    </message>
</context>
<context>
    <name>services.access</name>
    <message>
        <source>Wrong ID or PIN, or this user may not do this; check them and try again.</source>
        <translation>Identifiant ou code erroné, ou cet utilisateur n&apos;y est pas autorisé ; vérifiez et réessayez.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this account stays locked until an administrator unlocks it (posreturns user unlock ID).</source>
        <translation>Trop de codes erronés : ce compte reste bloqué jusqu&apos;à ce qu&apos;un administrateur le débloque.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this account is locked for {0} more minute(s); wait or ask someone else.</source>
        <translation>Trop de codes erronés : ce compte est bloqué encore {0} minute(s) ; patientez ou appelez quelqu&apos;un d&apos;autre.</translation>
    </message>
    <message>
        <source>Only an administrator may {0}; ask one to sign in.</source>
        <translation>Seul un administrateur peut {0} ; demandez-lui de s&apos;identifier.</translation>
    </message>
    <message>
        <source>Only a manager or an administrator may {0}; ask one to sign in.</source>
        <translation>Seul un responsable ou un administrateur peut {0} ; demandez-lui de s&apos;identifier.</translation>
    </message>
    <message>
        <source>Sign in to {0}.</source>
        <translation>Identifiez-vous pour {0}.</translation>
    </message>
</context>
<context>
    <name>services.day_close</name>
    <message>
        <source>The day cannot close: {0} still open. Settle them in the manager&apos;s workspace (or `posreturns sync exceptions`, `return confirm`), or close with --override REASON.</source>
        <translation>La journée ne peut pas être clôturée : {0}. Traitez-les, ou clôturez en donnant un motif.</translation>
    </message>
    <message>
        <source>{0} has not begun yet; a day closes once it has started.</source>
        <translation>Le {0} n&apos;a pas encore commencé.</translation>
    </message>
    <message>
        <source>The cash count cannot be negative; enter the cash counted (in the drawer when a float was entered, else paid out for returns).</source>
        <translation>Le comptage ne peut pas être négatif ; saisissez les espèces comptées (dans le tiroir si un fond de caisse a été saisi, sinon décaissées pour les retours).</translation>
    </message>
    <message>
        <source>Day {0} is closed (Z {1} by {2}) and no return was recorded at this till since; there is nothing to correct.</source>
        <translation>La journée du {0} est clôturée (Z {1} par {2}) et aucun retour n&apos;a été enregistré depuis sur cette caisse : il n&apos;y a rien à corriger.</translation>
    </message>
    <message>
        <source>Till {0} has no Z {1}; `posreturns day list` shows them.</source>
        <translation>La caisse {0} n&apos;a pas de Z {1} ; `posreturns day list` les affiche.</translation>
    </message>
</context>
<context>
    <name>services.lookup</name>
    <message>
        <source>No sale with the number &quot;{0}&quot; is on this till; check the number or search by customer.</source>
        <translation>Aucune vente n° « {0} » sur cette caisse ; vérifiez le numéro ou cherchez par client.</translation>
    </message>
    <message>
        <source>The sale &quot;{0}&quot; is not on this till; search for it again.</source>
        <translation>La vente « {0} » n&apos;est pas sur cette caisse ; recherchez-la à nouveau.</translation>
    </message>
    <message>
        <source>Type at least three characters of the e-mail address.</source>
        <translation>Tapez au moins trois caractères de l&apos;adresse e-mail.</translation>
    </message>
    <message>
        <source>Type at least six digits of the phone number.</source>
        <translation>Tapez au moins six chiffres du numéro de téléphone.</translation>
    </message>
    <message>
        <source>Type at least two letters of the customer&apos;s name, a phone number, an e-mail or a receipt number.</source>
        <translation>Tapez au moins deux lettres du nom du client, un téléphone, un e-mail ou un n° de ticket.</translation>
    </message>
    <message>
        <source>Type the card&apos;s last four digits, then the date of the sale.</source>
        <translation>Tapez les quatre derniers chiffres de la carte, puis la date de la vente.</translation>
    </message>
    <message>
        <source>&quot;{0}&quot; is not an amount a sale could come to; check the amount.</source>
        <translation>« {0} » n&apos;est pas un montant de vente possible ; vérifiez le montant.</translation>
    </message>
    <message>
        <source>Nothing was scanned or typed; scan the receipt or type its number.</source>
        <translation>Rien n&apos;a été scanné ni saisi ; scannez le ticket ou tapez son numéro.</translation>
    </message>
    <message>
        <source>That scan is unreadable; scan it again or type the number.</source>
        <translation>Scan illisible ; scannez à nouveau ou tapez le numéro.</translation>
    </message>
    <message>
        <source>&quot;{0}&quot; is not a date; write it as 2026-11-20 or 20/11/2026.</source>
        <translation>« {0} » n&apos;est pas une date ; écrivez-la 20/11/2026.</translation>
    </message>
    <message>
        <source>&quot;{0}&quot; is not a product this till knows; scan the item&apos;s barcode again or type its SKU.</source>
        <translation>« {0} » n&apos;est pas un produit connu ; scannez à nouveau le code-barres ou tapez la référence.</translation>
    </message>
    <message>
        <source>This item ({0}) is not on receipt {1}; check the receipt or search for another sale.</source>
        <translation>Cet article ({0}) n&apos;est pas sur le ticket {1} ; vérifiez le ticket ou cherchez une autre vente.</translation>
    </message>
    <message>
        <source>This item ({0}) has already been returned from receipt {1}; nothing is left to return.</source>
        <translation>Cet article ({0}) a déjà été retourné sur le ticket {1} ; il ne reste rien à retourner.</translation>
    </message>
</context>
<context>
    <name>services.notes</name>
    <message>
        <source>note</source>
        <translation>une note</translation>
    </message>
    <message>
        <source>the reason for closing with items open</source>
        <translation>le motif de clôture malgré les éléments ouverts</translation>
    </message>
    <message>
        <source>the reason for refusing</source>
        <translation>le motif du refus</translation>
    </message>
    <message>
        <source>the reason for scrapping</source>
        <translation>le motif de mise au rebut</translation>
    </message>
    <message>
        <source>the shipping reference</source>
        <translation>la référence d&apos;expédition</translation>
    </message>
    <message>
        <source>the terminal&apos;s reference</source>
        <translation>la référence du terminal</translation>
    </message>
    <message>
        <source>the vendor</source>
        <translation>le fournisseur</translation>
    </message>
    <message>
        <source>what was done</source>
        <translation>ce qui a été fait</translation>
    </message>
    <message>
        <source>why a manager must approve</source>
        <translation>pourquoi un responsable doit valider</translation>
    </message>
    <message>
        <source>why the refund failed</source>
        <translation>pourquoi le remboursement a échoué</translation>
    </message>
    <message>
        <source>why the voucher is voided</source>
        <translation>pourquoi le bon est annulé</translation>
    </message>
</context>
<context>
    <name>services.numbering</name>
    <message>
        <source>&quot;{0}&quot; is not a till id; use 1 to 16 letters, digits, &quot;-&quot;, &quot;_&quot; or &quot;.&quot;, starting with a letter or a digit (e.g. T1).</source>
        <translation>« {0} » n&apos;est pas un identifiant de caisse ; utilisez 1 à 16 lettres, chiffres, « - », « _ » ou « . », en commençant par une lettre ou un chiffre (p. ex. T1).</translation>
    </message>
    <message>
        <source>The till id &quot;{0}&quot; would give the same return numbers (…-{1}-…) as the till &quot;{2}&quot; already used here; choose an id that differs in more than case or punctuation.</source>
        <translation>L&apos;identifiant « {0} » donnerait les mêmes numéros de retour (…-{1}-…) que la caisse « {2} » déjà utilisée ici ; choisissez un identifiant qui diffère par plus que la casse ou la ponctuation.</translation>
    </message>
</context>
<context>
    <name>services.oms_address</name>
    <message>
        <source>&quot;{0}&quot; is not an OMS address; write it as https://oms.example.com.</source>
        <translation>« {0} » n&apos;est pas une adresse d&apos;OMS ; écrivez-la https://oms.exemple.com.</translation>
    </message>
    <message>
        <source>The OMS address must start with https:// ({0} is not this machine); plain http is only for an OMS on this till (localhost).</source>
        <translation>L&apos;adresse de l&apos;OMS doit commencer par https:// ({0} n&apos;est pas cette machine) ; http simple n&apos;est permis que pour un OMS sur cette caisse (localhost).</translation>
    </message>
</context>
<context>
    <name>services.open_queues</name>
    <message>
        <source>This till gives no second-hand labels.</source>
        <translation>Cette caisse ne donne pas d&apos;étiquettes de seconde main.</translation>
    </message>
    <message>
        <source>Event {0} issued no store-credit voucher; send it again or accept the write-off.</source>
        <translation>L&apos;événement {0} n&apos;a émis aucun bon d&apos;achat.</translation>
    </message>
    <message>
        <source>Event {0} names no customer the till knows; look the sale up in the OMS.</source>
        <translation>L&apos;événement {0} ne désigne aucun client connu de la caisse.</translation>
    </message>
    <message>
        <source>Event {0} is not an open exception; list them with `posreturns sync exceptions`.</source>
        <translation>L&apos;événement {0} n&apos;est pas une anomalie ouverte.</translation>
    </message>
</context>
<context>
    <name>services.pending_approvals</name>
    <message>
        <source>That return is no longer waiting for a manager (decided or dropped already).</source>
        <translation>Ce retour n&apos;attend plus de responsable (déjà traité).</translation>
    </message>
    <message>
        <source>No manager has decided on this return yet; serve the next customer and come back to it.</source>
        <translation>Aucun responsable n&apos;a encore décidé ; servez le client suivant et revenez-y.</translation>
    </message>
    <message>
        <source>{0} refused this return: {1}. Tell the customer and drop it.</source>
        <translation>{0} a refusé ce retour : {1}.</translation>
    </message>
    <message>
        <source>This return is no longer waiting to be completed.</source>
        <translation>Ce retour n&apos;est plus en attente.</translation>
    </message>
    <message>
        <source>This return was completed or dropped already; nothing was changed.</source>
        <translation>Ce retour a déjà été finalisé ou abandonné ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>No parked return {0} on this till.</source>
        <translation>Aucun retour en attente {0} sur cette caisse.</translation>
    </message>
</context>
<context>
    <name>services.refund_replacement</name>
    <message>
        <source>Pay a failed card refund as &quot;store_credit&quot; or &quot;cash&quot;.</source>
        <translation>Payez un remboursement carte échoué en avoir ou en espèces.</translation>
    </message>
    <message>
        <source>Return {0} has no failed card refund left to pay at this till; mark the card refund failed first, or it was paid already.</source>
        <translation>Le retour {0} n&apos;a pas de remboursement carte échoué à payer sur cette caisse.</translation>
    </message>
    <message>
        <source>The policy refunds this card sale in cash only when it was partly paid in cash; pay {0} as store credit instead.</source>
        <translation>La politique n&apos;autorise pas les espèces pour cette vente par carte ; payez {0} en avoir.</translation>
    </message>
</context>
<context>
    <name>services.reports</name>
    <message>
        <source>The period ends ({0}) before it starts ({1}); give --from before --to.</source>
        <translation>La période finit ({0}) avant de commencer ({1}) ; inversez les dates.</translation>
    </message>
    <message>
        <source>A report covers at most {0} days; ask for a shorter period.</source>
        <translation>Un rapport couvre au plus {0} jours ; choisissez une période plus courte.</translation>
    </message>
    <message>
        <source>{0!r} is not a figure of the report; use a key such as reason:DEFECTIVE, tender:cash, cashier:ID, day:2026-11-26, flag:receiptless or kept:delivered (see docs/manager.md).</source>
        <translation>{0!r} n&apos;est pas un chiffre du rapport ; utilisez une clé comme reason:DEFECTIVE, tender:cash, cashier:ID, day:2026-11-26, flag:receiptless ou kept:delivered (voir docs/manager.md).</translation>
    </message>
</context>
<context>
    <name>services.restock</name>
    <message>
        <source>Give {0}; nothing was changed.</source>
        <translation>Indiquez {0} ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The {0} is too long or holds control characters; keep it under {1} characters.</source>
        <translation>Le champ « {0} » est trop long ou contient des caractères de contrôle ; gardez-le sous {1} caractères.</translation>
    </message>
    <message>
        <source>No held unit {0!r} on this till; scan its inspection tag again or check the restock queue.</source>
        <translation>Aucun article mis de côté {0!r} sur cette caisse ; scannez à nouveau son étiquette ou consultez la file.</translation>
    </message>
    <message>
        <source>Grade a unit for second hand with its grade (A, B or C).</source>
        <translation>Classez l&apos;article pour la seconde main avec sa note (A, B ou C).</translation>
    </message>
    <message>
        <source>Name at least one held unit (its id, or scan its inspection tag).</source>
        <translation>Indiquez au moins un article (son identifiant, ou scannez son étiquette).</translation>
    </message>
    <message>
        <source>Unit {0} is not waiting for its second-hand grade; a manager grades it from the restock queue.</source>
        <translation>L'article {0} n'attend pas de note de seconde main ; un responsable le classe depuis la file de remise en stock.</translation>
    </message>
</context>
<context>
    <name>services.returns.service</name>
    <message>
        <source>The policy refuses this return ({0}); nothing was recorded.</source>
        <translation>La politique refuse ce retour ({0}) ; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>This return needs a manager&apos;s approval ({0}); add &quot;approval&quot;: {{&quot;manager&quot;: ID, &quot;pin&quot;: PIN}} to the request.</source>
        <translation>Ce retour doit être validé par un responsable ({0}).</translation>
    </message>
</context>
<context>
    <name>services.setting_rules</name>
    <message>
        <source>{0} must be a whole number from {1} to {2}; nothing was changed.</source>
        <translation>{0} doit être un nombre entier de {1} à {2} ; rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>services.users</name>
    <message>
        <source>You cannot disable your own account; ask another administrator.</source>
        <translation>Vous ne pouvez pas désactiver votre propre compte ; demandez à un autre administrateur.</translation>
    </message>
    <message>
        <source>This is the till&apos;s last active administrator; add another before disabling it.</source>
        <translation>C&apos;est le dernier administrateur actif de la caisse ; ajoutez-en un autre d&apos;abord.</translation>
    </message>
</context>
<context>
    <name>services.returns.resolver</name>
    <message>
        <source>Line {0}: {1}</source>
        <translation>Ligne {0} : {1}</translation>
    </message>
</context>
<context>
    <name>devices.scanner_sheet</name>
    <message>
        <source>SCANNER SET-UP</source>
        <translation>RÉGLAGE DU SCANNER</translation>
    </message>
    <message>
        <source>1. Program (Honeywell scanners)</source>
        <translation>1. Programmer (scanners Honeywell)</translation>
    </message>
    <message>
        <source>Other makes: scan the codes of your scanner&apos;s manual for: suffix Enter (CR), keyboard of this till, AIM identifiers on, GS sent as |.</source>
        <translation>Autres marques : scannez les codes de leur manuel pour : suffixe Entrée (CR), clavier de cette caisse, identifiants AIM activés, GS envoyé comme |.</translation>
    </message>
    <message>
        <source>Suffix: Enter (CR)</source>
        <translation>Suffixe : Entrée (CR)</translation>
    </message>
    <message>
        <source>Keyboard: French (AZERTY)</source>
        <translation>Clavier : français (AZERTY)</translation>
    </message>
    <message>
        <source>Keyboard: US (QWERTY)</source>
        <translation>Clavier : américain (QWERTY)</translation>
    </message>
    <message>
        <source>2. Test: scan these on the set-up page</source>
        <translation>2. Tester : scannez-les sur la page de réglage</translation>
    </message>
    <message>
        <source>Keyboard layout and suffix</source>
        <translation>Clavier et suffixe</translation>
    </message>
    <message>
        <source>Product code (EAN-13)</source>
        <translation>Code produit (EAN-13)</translation>
    </message>
    <message>
        <source>GS1 separator (serial number)</source>
        <translation>Séparateur GS1 (numéro de série)</translation>
    </message>
    <message>
        <source>Read correctly, but no Enter came after it: scan &apos;Suffix: Enter (CR)&apos;.</source>
        <translation>Bien lu, mais sans Entrée après : scannez « Suffixe : Entrée (CR) ».</translation>
    </message>
    <message>
        <source>Correct: the scanner and this till agree.</source>
        <translation>Correct : le scanner et la caisse s&apos;accordent.</translation>
    </message>
    <message>
        <source>The scanner types QWERTY (US) but this till is AZERTY: scan &apos;Keyboard: French&apos;.</source>
        <translation>Le scanner tape en QWERTY (US) mais la caisse est en AZERTY : scannez « Clavier : français ».</translation>
    </message>
    <message>
        <source>The scanner types AZERTY (French) but this till is QWERTY: scan &apos;Keyboard: US&apos;.</source>
        <translation>Le scanner tape en AZERTY mais la caisse est en QWERTY : scannez « Clavier : américain ».</translation>
    </message>
    <message>
        <source>The letters arrive in the wrong case: switch Caps Lock off.</source>
        <translation>Les lettres arrivent dans la mauvaise casse : désactivez le verrouillage majuscules.</translation>
    </message>
    <message>
        <source>The GS1 separator is lost (the keyboard layout drops Ctrl+]): program the scanner to send | instead of GS, and set the GS stand-in to | in the settings.</source>
        <translation>Le séparateur GS1 est perdu (le clavier ignore Ctrl+]) : programmez le scanner pour envoyer | à la place de GS, et indiquez | comme remplaçant de GS dans les réglages.</translation>
    </message>
    <message>
        <source>The GS1 separator arrives as {0!r}: set it as the GS stand-in in the settings.</source>
        <translation>Le séparateur GS1 arrive comme {0!r} : indiquez-le comme remplaçant de GS dans les réglages.</translation>
    </message>
    <message>
        <source>Unreadable: {0}</source>
        <translation>Illisible : {0}</translation>
    </message>
    <message>
        <source>the scan matches no known code</source>
        <translation>le scan ne correspond à aucun code connu</translation>
    </message>
    <message>
        <source>no AIM identifier</source>
        <translation>sans identifiant AIM</translation>
    </message>
    <message>
        <source>{0}: product {1} ({2})</source>
        <translation>{0} : produit {1} ({2})</translation>
    </message>
    <message>
        <source>GTIN {0}</source>
        <translation>GTIN {0}</translation>
    </message>
    <message>
        <source>serial {0}</source>
        <translation>n° de série {0}</translation>
    </message>
    <message>
        <source>batch {0}</source>
        <translation>lot {0}</translation>
    </message>
    <message>
        <source>{0}: GS1 {1}</source>
        <translation>{0} : GS1 {1}</translation>
    </message>
    <message>
        <source>{0}: link {1}</source>
        <translation>{0} : lien {1}</translation>
    </message>
    <message>
        <source>{0}: text {1!r} (receipt, return or voucher number)</source>
        <translation>{0} : texte {1!r} (numéro de ticket, de retour ou de bon)</translation>
    </message>
</context>
<context>
    <name>devices.z_report</name>
    <message>
        <source>CLOSE OF DAY</source>
        <translation>CLÔTURE DE JOURNÉE</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correctif</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Journée</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retours</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>By tender</source>
        <translation>Par moyen</translation>
    </message>
    <message>
        <source>terminal</source>
        <translation>terminal</translation>
    </message>
    <message>
        <source>till</source>
        <translation>caisse</translation>
    </message>
    <message>
        <source>Cash paid out</source>
        <translation>Espèces décaissées</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>Espèces comptées</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>CLOSED WITH ITEMS OPEN</source>
        <translation>CLÔTURÉE AVEC DES POINTS OUVERTS</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>Clôturée par</translation>
    </message>
    <message>
        <source>TRAINING</source>
        <translation>FORMATION</translation>
    </message>
    <message>
        <source>Drawer float</source>
        <translation>Fond de caisse</translation>
    </message>
    <message>
        <source>Cash paid out since</source>
        <translation>Espèces décaissées depuis</translation>
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation>Attendu dans le tiroir</translation>
    </message>
</context>
<context>
    <name>domain.business_days</name>
    <message>
        <source>New Year&apos;s Day</source>
        <translation>Jour de l&apos;an</translation>
    </message>
    <message>
        <source>Easter Monday</source>
        <translation>Lundi de Pâques</translation>
    </message>
    <message>
        <source>Labour Day</source>
        <translation>Fête du Travail</translation>
    </message>
    <message>
        <source>Victory in Europe Day</source>
        <translation>Victoire 1945</translation>
    </message>
    <message>
        <source>Ascension Day</source>
        <translation>Ascension</translation>
    </message>
    <message>
        <source>Whit Monday</source>
        <translation>Lundi de Pentecôte</translation>
    </message>
    <message>
        <source>Bastille Day</source>
        <translation>Fête nationale</translation>
    </message>
    <message>
        <source>Assumption</source>
        <translation>Assomption</translation>
    </message>
    <message>
        <source>All Saints&apos; Day</source>
        <translation>Toussaint</translation>
    </message>
    <message>
        <source>Armistice Day</source>
        <translation>Armistice 1918</translation>
    </message>
    <message>
        <source>Christmas Day</source>
        <translation>Noël</translation>
    </message>
    <message>
        <source>Good Friday</source>
        <translation>Vendredi saint</translation>
    </message>
    <message>
        <source>St Stephen&apos;s Day</source>
        <translation>Saint-Étienne</translation>
    </message>
</context>
<context>
    <name>domain.resale</name>
    <message>
        <source>like new</source>
        <translation>comme neuf</translation>
    </message>
    <message>
        <source>good</source>
        <translation>bon état</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>état correct</translation>
    </message>
</context>
<context>
    <name>persistence.integrity</name>
    <message>
        <source>was changed after it was written</source>
        <translation>a été modifiée après son écriture</translation>
    </message>
    <message>
        <source>no longer follows the row before it (a row was changed or removed)</source>
        <translation>ne suit plus la ligne précédente (une ligne a été modifiée ou supprimée)</translation>
    </message>
    <message>
        <source>has no hash: it was written around posreturns</source>
        <translation>n&apos;a pas d&apos;empreinte : écrite hors de posreturns</translation>
    </message>
    <message>
        <source>SQLite cannot read the database file ({0}).</source>
        <translation>SQLite ne peut pas lire le fichier de la base ({0}).</translation>
    </message>
    <message>
        <source>SQLite finds the database file damaged: {0}.</source>
        <translation>SQLite trouve le fichier de la base endommagé : {0}.</translation>
    </message>
    <message>
        <source>The audit log&apos;s guard {0} was removed: its rows can be changed.</source>
        <translation>La protection {0} du journal d&apos;audit a été retirée : ses lignes peuvent être modifiées.</translation>
    </message>
    <message>
        <source>Audit row {0} ({1}, {2}) {3}.</source>
        <translation>La ligne d&apos;audit {0} ({1}, {2}) {3}.</translation>
    </message>
    <message>
        <source>Sale line {0} says {1} returned / {2} refunded (minor units) but its returns add up to {3} / {4}.</source>
        <translation>La ligne de vente {0} indique {1} retourné(s) / {2} remboursé(s) (centimes) mais ses retours totalisent {3} / {4}.</translation>
    </message>
    <message>
        <source>Stock of {0} at {1} ({2}) is {3} but its movements add up to {4}.</source>
        <translation>Le stock de {0} à {1} ({2}) est de {3} mais ses mouvements totalisent {4}.</translation>
    </message>
</context>
<context>
    <name>services.drawer</name>
    <message>
        <source>The float is the cash counted into the drawer: enter an amount from 0 to {0}.</source>
        <translation>Le fond de caisse est l&apos;argent compté dans le tiroir : saisissez un montant de 0 à {0}.</translation>
    </message>
</context>
<context>
    <name>services.integrity</name>
    <message>
        <source>the database file is damaged</source>
        <translation>le fichier de la base est endommagé</translation>
    </message>
    <message>
        <source>the audit log&apos;s protection was removed</source>
        <translation>la protection du journal d&apos;audit a été retirée</translation>
    </message>
    <message>
        <source>{0} audit row(s) were changed or removed</source>
        <translation>{0} ligne(s) d&apos;audit ont été modifiées ou supprimées</translation>
    </message>
    <message>
        <source>{0} sale line(s) do not match their returns</source>
        <translation>{0} ligne(s) de vente ne correspondent pas à leurs retours</translation>
    </message>
    <message>
        <source>{0} stock level(s) do not match their movements</source>
        <translation>{0} niveau(x) de stock ne correspondent pas à leurs mouvements</translation>
    </message>
    <message>
        <source>the database lost returns it had recorded</source>
        <translation>la base a perdu des retours enregistrés</translation>
    </message>
    <message>
        <source>The till&apos;s records do not add up: {0}. Run `posreturns verify` for the details and call support.</source>
        <translation>Les données de la caisse ne concordent pas : {0}. Lancez `posreturns verify` pour le détail et appelez le support.</translation>
    </message>
</context>
<context>
    <name>domain.allocation</name>
    <message>
        <source>No cash was paid on this sale: the card part ({0}) is given as store credit.</source>
        <translation>Aucun paiement en espèces sur cette vente : la part carte ({0}) est rendue en avoir.</translation>
    </message>
    <message>
        <source>Not enough cash in the drawer ({0}): the cash part is given as store credit.</source>
        <translation>Pas assez d&apos;espèces en caisse ({0}) : la part espèces est rendue en avoir.</translation>
    </message>
    <message>
        <source>Cash rounded from {0} to {1}.</source>
        <translation>Espèces arrondies de {0} à {1}.</translation>
    </message>
</context>
<context>
    <name>domain.disposition</name>
    <message>
        <source>back on sale at once</source>
        <translation>remis en vente immédiatement</translation>
    </message>
    <message>
        <source>held for inspection</source>
        <translation>mis de côté pour inspection</translation>
    </message>
    <message>
        <source>sent to refurbishment</source>
        <translation>envoyé en reconditionnement</translation>
    </message>
    <message>
        <source>sent to the second-hand channel</source>
        <translation>envoyé vers la seconde main</translation>
    </message>
    <message>
        <source>returned to the vendor</source>
        <translation>retourné au fournisseur</translation>
    </message>
    <message>
        <source>scrapped</source>
        <translation>mis au rebut</translation>
    </message>
    <message>
        <source>Item {0} (rule &quot;{1}&quot;).</source>
        <translation>Article {0} (règle « {1} »).</translation>
    </message>
    <message>
        <source>Item {0} (default rule).</source>
        <translation>Article {0} (règle par défaut).</translation>
    </message>
</context>
<context>
    <name>domain.policy.engine</name>
    <message>
        <source>Refund above {0}: manager approval.</source>
        <translation>Remboursement supérieur à {0} : accord d&apos;un responsable.</translation>
    </message>
    <message>
        <source>Shipping refunded: the item was wrong, defective, damaged or late.</source>
        <translation>Livraison remboursée : article erroné, défectueux, abîmé ou livré en retard.</translation>
    </message>
    <message>
        <source>Approved by a manager.</source>
        <translation>Accordé par un responsable.</translation>
    </message>
    <message>
        <source>This return allows only {0}: change the refund method.</source>
        <translation>Ce retour n&apos;autorise que : {0} ; changez de mode de remboursement.</translation>
    </message>
    <message>
        <source>Bonus of {0} for choosing {1}.</source>
        <translation>Bonus de {0} pour le choix : {1}.</translation>
    </message>
    <message>
        <source>Refusal lifted by a manager: goodwill store credit.</source>
        <translation>Refus levé par un responsable : avoir à titre commercial.</translation>
    </message>
    <message>
        <source>Refusal lifted by a manager (override).</source>
        <translation>Refus levé par un responsable (dérogation).</translation>
    </message>
</context>
<context>
    <name>domain.policy.limits</name>
    <message>
        <source>No receipt: the customer&apos;s phone or e-mail is required.</source>
        <translation>Sans ticket : le téléphone ou l&apos;e-mail du client est obligatoire.</translation>
    </message>
    <message>
        <source>Return number {0} in {1} days: manager approval.</source>
        <translation>{0}e retour en {1} jours : accord d&apos;un responsable.</translation>
    </message>
    <message>
        <source>Over {0} refunded in {1} days: manager approval.</source>
        <translation>Plus de {0} remboursés en {1} jours : accord d&apos;un responsable.</translation>
    </message>
    <message>
        <source>Offline refunds at this till today would pass {0}: manager approval.</source>
        <translation>Les remboursements hors ligne de cette caisse dépasseraient {0} aujourd&apos;hui : accord d&apos;un responsable.</translation>
    </message>
    <message>
        <source>Offline without a receipt</source>
        <translation>Hors ligne sans ticket</translation>
    </message>
    <message>
        <source>Offline, order from another store or the web</source>
        <translation>Hors ligne, commande d&apos;un autre magasin ou du web</translation>
    </message>
    <message>
        <source>Offline with order data older than {0} h</source>
        <translation>Hors ligne avec des données de plus de {0} h</translation>
    </message>
    <message>
        <source>Offline return within the offline limits; it will sync later.</source>
        <translation>Retour hors ligne dans les limites ; il sera synchronisé plus tard.</translation>
    </message>
    <message>
        <source>No receipt and above {0}: manager approval.</source>
        <translation>Sans ticket et plus de {0} : accord d&apos;un responsable.</translation>
    </message>
    <message>
        <source>Offline return above {0}: manager approval.</source>
        <translation>Retour hors ligne de plus de {0} : accord d&apos;un responsable.</translation>
    </message>
    <message>
        <source>{0}: {1} only.</source>
        <translation>{0} : {1} uniquement.</translation>
    </message>
</context>
<context>
    <name>domain.policy.rules</name>
    <message>
        <source>Final-sale item: it cannot be returned (policy {0}).</source>
        <translation>Article vendu en soldes définitives : il ne peut pas être repris (politique {0}).</translation>
    </message>
    <message>
        <source>Sale item ({0} % off): {1} only.</source>
        <translation>Article soldé (-{0} %) : {1} uniquement.</translation>
    </message>
    <message>
        <source>Returns without a receipt are not accepted (policy {0}).</source>
        <translation>Les retours sans ticket ne sont pas acceptés (politique {0}).</translation>
    </message>
    <message>
        <source>Past the {0}-day return window, which ended on {1} (policy {2}).</source>
        <translation>Hors du délai de retour de {0} jours, terminé le {1} (politique {2}).</translation>
    </message>
    <message>
        <source>Within the {0}-day return window (policy {1}).</source>
        <translation>Dans le délai de retour de {0} jours (politique {1}).</translation>
    </message>
    <message>
        <source>refund to the original payment</source>
        <translation>remboursement sur le paiement d&apos;origine</translation>
    </message>
    <message>
        <source>store credit</source>
        <translation>avoir</translation>
    </message>
    <message>
        <source>exchange</source>
        <translation>échange</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>no refund method</source>
        <translation>aucun mode de remboursement</translation>
    </message>
    <message>
        <source>No receipt: {0} only, at most the current price ({1}).</source>
        <translation>Sans ticket : {0} uniquement, au plus le prix actuel ({1}).</translation>
    </message>
    <message>
        <source>Holiday extension &quot;{0}&quot;: returnable until {1} (policy {2}).</source>
        <translation>Prolongation « {0} » : reprise possible jusqu&apos;au {1} (politique {2}).</translation>
    </message>
    <message>
        <source>No current price is known for {0}: it cannot be taken back without a receipt.</source>
        <translation>Aucun prix actuel connu pour {0} : reprise sans ticket impossible.</translation>
    </message>
    <message>
        <source>No receipt: {0} only, at most the lowest price of the last {1} days ({2}).</source>
        <translation>Sans ticket : {0} uniquement, au plus le prix le plus bas des {1} derniers jours ({2}).</translation>
    </message>
    <message>
        <source>Serial-tracked item returned without its serial: held for inspection, not put back on sale.</source>
        <translation>Article suivi par numéro de série repris sans son numéro : mis de côté pour inspection, pas remis en vente.</translation>
    </message>
    <message>
        <source>Second-hand item sold as is (grade {0}, {1}): it cannot be returned (policy {2}).</source>
        <translation>Article de seconde main vendu en l'état (note {0}, {1}) : il ne peut pas être repris (politique {2}).</translation>
    </message>
    <message>
        <source>Second-hand item (grade {0}): {1} only.</source>
        <translation>Article de seconde main (note {0}) : {1} uniquement.</translation>
    </message>
</context>
<context>
    <name>domain.quote</name>
    <message>
        <source>Offer: store credit would add {0}.</source>
        <translation>Proposition : un avoir ajouterait {0}.</translation>
    </message>
</context>
<context>
    <name>domain.refunds</name>
    <message>
        <source>Line discount share</source>
        <translation>Part de la remise sur la ligne</translation>
    </message>
    <message>
        <source>Order discount share</source>
        <translation>Part de la remise sur la commande</translation>
    </message>
    <message>
        <source>Of which tax ({0})</source>
        <translation>Dont TVA ({0})</translation>
    </message>
    <message>
        <source>Tax added ({0})</source>
        <translation>Taxe ajoutée ({0})</translation>
    </message>
    <message>
        <source>Rounding to the amount paid</source>
        <translation>Arrondi au montant payé</translation>
    </message>
    <message>
        <source>Limited to the price the customer paid</source>
        <translation>Limité au prix payé par le client</translation>
    </message>
    <message>
        <source>Unit price {0} × {1}</source>
        <translation>Prix unitaire {0} × {1}</translation>
    </message>
    <message>
        <source>Current price {0} × {1}</source>
        <translation>Prix actuel {0} × {1}</translation>
    </message>
    <message>
        <source>Restocking fee ({0})</source>
        <translation>Frais de remise en stock ({0})</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <source>Lowest price of the last {0} days: {1} since {2}</source>
        <translation>Prix le plus bas des {0} derniers jours : {1} depuis le {2}</translation>
    </message>
</context>
<context>
    <name>domain.policy.toml_rules</name>
    <message>
        <source>Restocking fee of {{percent}} (rule {0}).</source>
        <translation>Frais de remise en stock de {{percent}} (règle {0}).</translation>
    </message>
</context>
<context>
    <name>domain.promise_wording</name>
    <message>
        <source>Monday</source>
        <translation>lundi</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>mardi</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>mercredi</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>jeudi</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>vendredi</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>samedi</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>dimanche</translation>
    </message>
    <message>
        <source>January</source>
        <translation>janvier</translation>
    </message>
    <message>
        <source>February</source>
        <translation>février</translation>
    </message>
    <message>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>April</source>
        <translation>avril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juin</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juillet</translation>
    </message>
    <message>
        <source>August</source>
        <translation>août</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octobre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>novembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>décembre</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>demain</translation>
    </message>
    <message>
        <source>before</source>
        <translation>avant</translation>
    </message>
    <message>
        <source>in stock here: hand it over now</source>
        <translation>en stock ici : à remettre tout de suite</translation>
    </message>
    <message>
        <source>delivered to your home</source>
        <translation>livré à domicile</translation>
    </message>
    <message>
        <source>ready in store</source>
        <translation>disponible en magasin</translation>
    </message>
    <message>
        <source> on</source>
        <translation> le</translation>
    </message>
</context>
<context>
    <name>devices.email_receipt</name>
    <message>
        <source>Your return receipt {0} — {1}</source>
        <translation>Votre ticket de retour {0} — {1}</translation>
    </message>
    <message>
        <source>Here is the receipt of your return at {0}. Keep it: its number identifies your return.</source>
        <translation>Voici le ticket de votre retour chez {0}. Conservez-le : son numéro identifie votre retour.</translation>
    </message>
</context>
<context>
    <name>devices.driver_problem</name>
    <message>
        <source>The printer is out of paper: put in a new roll.</source>
        <translation>L&apos;imprimante n&apos;a plus de papier : remettez un rouleau.</translation>
    </message>
    <message>
        <source>The printer&apos;s cover is open: close it.</source>
        <translation>Le capot de l&apos;imprimante est ouvert : refermez-le.</translation>
    </message>
    <message>
        <source>The printer does not answer or did not confirm the print: check it.</source>
        <translation>L&apos;imprimante ne répond pas ou n&apos;a pas confirmé l&apos;impression : vérifiez-la.</translation>
    </message>
    <message>
        <source>The printer cannot be reached: check that it is on and plugged in.</source>
        <translation>L&apos;imprimante est injoignable : vérifiez qu&apos;elle est allumée et branchée.</translation>
    </message>
    <message>
        <source>The printer reports an error: check it.</source>
        <translation>L&apos;imprimante est en erreur : vérifiez-la.</translation>
    </message>
</context>
<context>
    <name>domain.delivery</name>
    <message>
        <source>The delivery needs the customer's name; type it in.</source>
        <translation>La livraison demande le nom du client ; saisissez-le.</translation>
    </message>
    <message>
        <source>The delivery needs the customer's phone number or e-mail address, so the carrier or the store can reach them; type one in.</source>
        <translation>La livraison demande le téléphone ou l'e-mail du client ; saisissez-en un.</translation>
    </message>
    <message>
        <source>The delivery address needs a street and a city; type them in.</source>
        <translation>L'adresse de livraison demande une rue et une ville ; saisissez-les.</translation>
    </message>
    <message>
        <source>&quot;{0}&quot; is not a postal code; check it with the customer.</source>
        <translation>« {0} » n'est pas un code postal ; vérifiez-le avec le client.</translation>
    </message>
    <message>
        <source>&quot;{0}&quot; is not a country code; use two lowercase letters (fr).</source>
        <translation>« {0} » n'est pas un code pays ; utilisez deux lettres (fr).</translation>
    </message>
    <message>
        <source>A delivery home needs the customer's address; type it in or choose a pickup in store.</source>
        <translation>Une livraison à domicile demande l'adresse du client ; saisissez-la ou choisissez le retrait en magasin.</translation>
    </message>
    <message>
        <source>A pickup in store has no delivery address; leave the address out.</source>
        <translation>Un retrait en magasin n'a pas d'adresse de livraison ; retirez-la.</translation>
    </message>
</context>
<context>
    <name>devices.delivery_slip</name>
    <message>
        <source>To</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>before</source>
        <translation>avant</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>DELIVERY TO YOUR HOME</source>
        <translation>LIVRAISON À DOMICILE</translation>
    </message>
    <message>
        <source>PICKUP IN THIS STORE</source>
        <translation>RETRAIT DANS CE MAGASIN</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Prévu le</translation>
    </message>
    <message>
        <source>Sent from</source>
        <translation>Expédié par</translation>
    </message>
    <message>
        <source>Promised offline: confirmed when the till reconnects; the store calls you if it changes.</source>
        <translation>Promis hors ligne : confirmé à la reconnexion ; le magasin vous appelle en cas de changement.</translation>
    </message>
    <message>
        <source>PICKUP SLIP</source>
        <translation>BON DE RETRAIT</translation>
    </message>
    <message>
        <source>Show this slip (or your return receipt) to collect your item.</source>
        <translation>Présentez ce bon (ou votre ticket de retour) pour retirer votre article.</translation>
    </message>
</context>
<context>
    <name>services.returns.grading</name>
    <message>
        <source>Line {0}: only a unit the policy sends to second hand is graded at the till (this one is {1}); leave its grade out.</source>
        <translation>Ligne {0} : seul un article que la politique envoie en seconde main se classe en caisse (celui-ci : {1}) ; retirez sa note.</translation>
    </message>
</context>
<context>
    <name>services.sms_text</name>
    <message>
        <source>{0}: your exchange {1} is recorded.</source>
        <translation>{0} : votre échange {1} est enregistré.</translation>
    </message>
    <message>
        <source>{0}: your return {1} is recorded. Your store credit: {2}, voucher {3}.</source>
        <translation>{0} : votre retour {1} est enregistré. Votre avoir : {2}, bon {3}.</translation>
    </message>
    <message>
        <source>{0}: your return {1} is recorded. {2} is refunded to your payment.</source>
        <translation>{0} : votre retour {1} est enregistré. {2} vous sont remboursés sur votre moyen de paiement.</translation>
    </message>
</context>
<context>
    <name>SerialPresenter</name>
    <message>
        <source>That did not work; nothing was changed. Try again, and call support if it persists.</source>
        <translation>Cela n&apos;a pas fonctionné ; rien n&apos;a été modifié. Réessayez, et appelez le support si cela persiste.</translation>
    </message>
</context>
<context>
    <name>SerialReturnersPanel</name>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retours</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Last return</source>
        <translation>Dernier retour</translation>
    </message>
    <message>
        <source>Select a customer to see their returns.</source>
        <translation>Choisissez un client pour voir ses retours.</translation>
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
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>The policy&apos;s serial-returner rule is off: no customer is marked.</source>
        <translation>La règle des retours fréquents de la politique est désactivée : aucun client n&apos;est signalé.</translation>
    </message>
    <message>
        <source>The policy asks a manager from a customer&apos;s return number {0} within {1} days. Highlighted: the customers at that limit ({2}).</source>
        <translation>La politique demande un responsable à partir du {0}e retour d&apos;un client en {1} jours. En surbrillance : les clients à cette limite ({2}).</translation>
    </message>
    <message>
        <source>The policy asks a manager from a customer&apos;s return number {0} within {1} days, or over {3} refunded. Highlighted: the customers at that limit ({2}).</source>
        <translation>La politique demande un responsable à partir du {0}e retour d&apos;un client en {1} jours, ou au-delà de {3} remboursés. En surbrillance : les clients à cette limite ({2}).</translation>
    </message>
    <message>
        <source>At the policy&apos;s limit: their next return needs a manager.</source>
        <translation>À la limite de la politique : son prochain retour demande un responsable.</translation>
    </message>
    <message>
        <source>{0} return(s) of {1}</source>
        <translation>{0} retour(s) de {1}</translation>
    </message>
</context>
<context>
    <name>PolicyPresenter</name>
    <message>
        <source>Policy {0} is now in force.</source>
        <translation>La politique {0} est en vigueur.</translation>
    </message>
    <message>
        <source>Nothing to save: the settings are unchanged.</source>
        <translation>Rien à enregistrer : les réglages n&apos;ont pas changé.</translation>
    </message>
    <message>
        <source>Settings saved; a new language applies when the till starts again.</source>
        <translation>Réglages enregistrés ; une nouvelle langue s&apos;applique au prochain démarrage de la caisse.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Réglages enregistrés.</translation>
    </message>
    <message>
        <source>That did not work; nothing was changed. Try again, and call support if it persists.</source>
        <translation>Cela n&apos;a pas fonctionné ; rien n&apos;a été modifié. Réessayez, et appelez le support si cela persiste.</translation>
    </message>
</context>
<context>
    <name>services.policy_change</name>
    <message>
        <source>{0} is too big to be a return policy; choose the policy&apos;s .toml file.</source>
        <translation>{0} est trop gros pour être une politique de retour ; choisissez le fichier .toml de la politique.</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}; check the file and try again.</source>
        <translation>Impossible de lire {0} : {1} ; vérifiez le fichier et réessayez.</translation>
    </message>
    <message>
        <source>{0} is not UTF-8 text; save it as UTF-8 and load it again.</source>
        <translation>{0} n&apos;est pas un texte UTF-8 ; enregistrez-le en UTF-8 et chargez-le à nouveau.</translation>
    </message>
</context>
</TS>
