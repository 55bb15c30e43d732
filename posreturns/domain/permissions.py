"""Who may do what: one permission per use case and the least role that holds it.

The same table is checked by the services for the window, the host's widget and the command line;
docs/security.md shows it to people.
"""

from __future__ import annotations

from enum import StrEnum

from posreturns.domain.users import Role


class Permission(StrEnum):
    FIND_SALES = "sales.find"
    QUOTE_RETURN = "return.quote"
    COMPLETE_RETURN = "return.complete"
    CONFIRM_HOST_PAYMENT = "return.confirm_payment"
    REPRINT_RECEIPT = "receipt.reprint"
    APPROVE_RETURN = "return.approve"
    OPEN_DRAWER = "drawer.open"
    RESOLVE_SYNC = "sync.resolve"
    CHANGE_DEVICE_SETTINGS = "settings.devices"
    CHANGE_TILL_SETTINGS = "settings.till"
    LOAD_POLICY = "policy.load"
    IMPORT_DATA = "data.import"
    MANAGE_USERS = "users.manage"
    CONNECT_OMS = "oms.connect"
    RESTORE_BACKUP = "storage.restore"
    LOAD_DELIVERY_NETWORK = "network.load"
    CONNECT_MAIL = "mail.connect"
    MANAGE_RESTOCK = "restock.manage"
    RESOLVE_ALERTS = "alerts.resolve"
    PRINT_LABELS = "labels.print"
    CLOSE_DAY = "day.close"


LEAST_ROLE: dict[Permission, Role] = {
    Permission.FIND_SALES: Role.CASHIER,
    Permission.QUOTE_RETURN: Role.CASHIER,
    Permission.COMPLETE_RETURN: Role.CASHIER,
    Permission.CONFIRM_HOST_PAYMENT: Role.CASHIER,
    Permission.REPRINT_RECEIPT: Role.CASHIER,
    Permission.APPROVE_RETURN: Role.MANAGER,
    Permission.OPEN_DRAWER: Role.MANAGER,
    Permission.RESOLVE_SYNC: Role.MANAGER,
    Permission.CHANGE_DEVICE_SETTINGS: Role.MANAGER,
    Permission.CHANGE_TILL_SETTINGS: Role.ADMIN,
    Permission.LOAD_POLICY: Role.ADMIN,
    Permission.IMPORT_DATA: Role.ADMIN,
    Permission.MANAGE_USERS: Role.ADMIN,
    Permission.CONNECT_OMS: Role.ADMIN,
    Permission.RESTORE_BACKUP: Role.MANAGER,
    Permission.LOAD_DELIVERY_NETWORK: Role.ADMIN,
    Permission.CONNECT_MAIL: Role.ADMIN,
    Permission.MANAGE_RESTOCK: Role.MANAGER,
    Permission.RESOLVE_ALERTS: Role.MANAGER,
    Permission.PRINT_LABELS: Role.CASHIER,
    Permission.CLOSE_DAY: Role.MANAGER,
}

# What each permission lets one do, for refusals and docs (English, French).
WHAT: dict[Permission, tuple[str, str]] = {
    Permission.FIND_SALES: ("find sales", "rechercher des ventes"),
    Permission.QUOTE_RETURN: ("quote returns", "chiffrer des retours"),
    Permission.COMPLETE_RETURN: ("complete returns", "valider des retours"),
    Permission.CONFIRM_HOST_PAYMENT: ("record the payment terminal's answer",
                                      "enregistrer la réponse du terminal de paiement"),
    Permission.REPRINT_RECEIPT: ("reprint or resend receipts", "réimprimer ou renvoyer des tickets"),
    Permission.APPROVE_RETURN: ("approve returns", "autoriser des retours"),
    Permission.OPEN_DRAWER: ("open the cash drawer", "ouvrir le tiroir-caisse"),
    Permission.RESOLVE_SYNC: ("resolve sync exceptions", "traiter les anomalies de synchronisation"),
    Permission.CHANGE_DEVICE_SETTINGS: ("change the printer, scanner and language settings",
                                        "modifier l'imprimante, le scanner et la langue"),
    Permission.CHANGE_TILL_SETTINGS: ("change the till's settings", "modifier les réglages de la caisse"),
    Permission.LOAD_POLICY: ("change the return policy", "modifier la politique de retour"),
    Permission.IMPORT_DATA: ("import sales data", "importer des ventes"),
    Permission.MANAGE_USERS: ("manage users and PINs", "gérer les utilisateurs et les codes"),
    Permission.CONNECT_OMS: ("connect the till to the OMS", "connecter la caisse à l'OMS"),
    Permission.RESTORE_BACKUP: ("restore a backup of the till's database", "restaurer une sauvegarde de la base"),
    Permission.LOAD_DELIVERY_NETWORK: ("change the store's delivery network", "modifier le réseau de livraison"),
    Permission.CONNECT_MAIL: ("set up the e-mail relay for e-receipts", "configurer le relais e-mail des tickets"),
    Permission.MANAGE_RESTOCK: ("release, grade, refurbish, return to the vendor or scrap held units",
                                ("remettre en vente, classer, reconditionner, retourner ou mettre au rebut les "
                                 "articles mis de côté")),
    Permission.RESOLVE_ALERTS: ("acknowledge or resolve staff alerts", "prendre en charge ou clore les alertes"),
    Permission.PRINT_LABELS: ("print inspection tags and resale labels",
                              "imprimer les étiquettes d'inspection et de seconde main"),
    Permission.CLOSE_DAY: ("close the till's day (and override what is still open, with a reason)",
                           "clôturer la journée de la caisse (et passer outre ce qui reste ouvert, avec un motif)"),
}


def allows(role: Role, permission: Permission) -> bool:
    return role.rank >= LEAST_ROLE[permission].rank


def least_role(permission: Permission) -> Role:
    return LEAST_ROLE[permission]
