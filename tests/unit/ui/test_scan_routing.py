"""What a scan does on each screen, decided without a window (the window only carries the route out)."""

from posreturns.devices.scanner import interpret
from posreturns.ui.presenters.scan_routing import AddItem, FindReceipt, Notice, ScanRouter, Screen, Tell, ToDialog

ROUTER = ScanRouter(lambda raw: interpret(raw, gs_substitute="|"))
ITEM_WITH_SERIAL = "]d20103760000000291|21SN-CQ-0002"


def test_on_the_return_screen_an_item_goes_to_the_basket_with_the_serial_it_carries() -> None:
    assert ROUTER.route(ITEM_WITH_SERIAL, Screen.RETURN) == AddItem("03760000000291", "SN-CQ-0002")


def test_on_the_return_screen_a_typed_code_is_added_as_it_is() -> None:
    assert ROUTER.route("ORD-1004-L1", Screen.RETURN) == AddItem("ORD-1004-L1", None)


def test_on_the_home_screen_a_receipt_number_is_looked_up() -> None:
    assert ROUTER.route("PA01-000108", Screen.HOME) == FindReceipt("PA01-000108", leave_done=False)


def test_on_the_home_screen_an_item_barcode_asks_for_the_receipt_first() -> None:
    assert ROUTER.route(ITEM_WITH_SERIAL, Screen.HOME) == Tell(Notice.ITEM_ON_HOME)


def test_on_the_done_screen_the_next_customer_receipt_leaves_it_and_is_looked_up() -> None:
    assert ROUTER.route("PA01-000108", Screen.DONE) == FindReceipt("PA01-000108", leave_done=True)
    assert ROUTER.route(ITEM_WITH_SERIAL, Screen.DONE) == Tell(Notice.ITEM_ON_HOME, leave_done=True)


def test_before_signing_in_nothing_is_looked_up_or_added() -> None:
    assert ROUTER.route("PA01-000108", Screen.SIGN_IN) == Tell(Notice.SIGN_IN_FIRST)


def test_an_unreadable_scan_changes_nothing_and_says_why_on_any_screen() -> None:
    for screen in Screen:
        route = ROUTER.route("]d2010376000000029X", screen)
        assert isinstance(route, Tell) and route.error is not None and str(route.error)


def test_without_an_interpreter_the_text_is_taken_without_its_spaces() -> None:
    assert ScanRouter().route("  PA01-000108 \n", Screen.HOME) == FindReceipt("PA01-000108")


def test_with_a_dialog_open_the_scan_is_the_dialogs_and_an_unreadable_one_says_why() -> None:
    assert ROUTER.route_to_dialog(ITEM_WITH_SERIAL) == ToDialog("03760000000291", ITEM_WITH_SERIAL)
    assert ROUTER.route_to_dialog(" PA01-000108\r") == ToDialog("PA01-000108", "PA01-000108")
    route = ROUTER.route_to_dialog("]d2010376000000029X")
    assert isinstance(route, Tell) and route.error is not None
