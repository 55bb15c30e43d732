"""Who may do what: one permission per use case and the least role that holds it.

The same table is checked by the services for the window, the host's widget and the command line;
docs/security.md shows it to people.
"""

from __future__ import annotations

from enum import StrEnum

from posreturns.domain.messages import Text, translate
from posreturns.domain.users import Role


class Permission(StrEnum):
    FIND_SALES = "sales.find"
    QUOTE_RETURN = "return.quote"
    COMPLETE_RETURN = "return.complete"
    CONFIRM_HOST_PAYMENT = "return.confirm_payment"
    REPRINT_RECEIPT = "receipt.reprint"
    APPROVE_RETURN = "return.approve"
    OPEN_DRAWER = "drawer.open"
    SET_DRAWER_FLOAT = "drawer.float"
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
    Permission.SET_DRAWER_FLOAT: Role.CASHIER,
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

# What each permission lets one do, for refusals and docs (catalogue messages).
WHAT: dict[Permission, Text] = {
    Permission.FIND_SALES: translate("domain.permissions", "find sales"),
    Permission.QUOTE_RETURN: translate("domain.permissions", "quote returns"),
    Permission.COMPLETE_RETURN: translate("domain.permissions", "complete returns"),
    Permission.CONFIRM_HOST_PAYMENT: translate("domain.permissions", "record the payment terminal's answer"),
    Permission.REPRINT_RECEIPT: translate("domain.permissions", "reprint or resend receipts"),
    Permission.APPROVE_RETURN: translate("domain.permissions", "approve returns"),
    Permission.OPEN_DRAWER: translate("domain.permissions", "open the cash drawer"),
    Permission.SET_DRAWER_FLOAT: translate("domain.permissions", "enter the drawer's float"),
    Permission.RESOLVE_SYNC: translate("domain.permissions", "resolve sync exceptions"),
    Permission.CHANGE_DEVICE_SETTINGS: translate("domain.permissions",
                                                 "change the printer, scanner and language settings"),
    Permission.CHANGE_TILL_SETTINGS: translate("domain.permissions", "change the till's settings"),
    Permission.LOAD_POLICY: translate("domain.permissions", "change the return policy"),
    Permission.IMPORT_DATA: translate("domain.permissions", "import sales data"),
    Permission.MANAGE_USERS: translate("domain.permissions", "manage users and PINs"),
    Permission.CONNECT_OMS: translate("domain.permissions", "connect the till to the OMS"),
    Permission.RESTORE_BACKUP: translate("domain.permissions", "restore a backup of the till's database"),
    Permission.LOAD_DELIVERY_NETWORK: translate("domain.permissions", "change the store's delivery network"),
    Permission.CONNECT_MAIL: translate("domain.permissions", "set up the e-mail relay for e-receipts"),
    Permission.MANAGE_RESTOCK: translate("domain.permissions",
                                         "release, grade, refurbish, return to the vendor or scrap held units"),
    Permission.RESOLVE_ALERTS: translate("domain.permissions", "acknowledge or resolve staff alerts"),
    Permission.PRINT_LABELS: translate("domain.permissions", "print inspection tags and resale labels"),
    Permission.CLOSE_DAY: translate("domain.permissions",
                                    "close the till's day (and override what is still open, with a reason)"),
}


def allows(role: Role, permission: Permission) -> bool:
    return role.rank >= LEAST_ROLE[permission].rank


def least_role(permission: Permission) -> Role:
    return LEAST_ROLE[permission]
