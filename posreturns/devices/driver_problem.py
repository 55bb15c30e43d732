"""A device driver's failure told to a person: the driver's own English, or the catalogue's words for it."""

from __future__ import annotations

from dataclasses import dataclass

from posdrivers import PosDriverError, PrinterOffline, PrinterTimeout

from posreturns.domain.messages import Text, translate


@dataclass(frozen=True)
class DriverProblem:
    """A driver's failure: in English its own sentence (it names the port, the status it read); in another
    language the catalogue's sentence for what it found."""

    error: PosDriverError

    def in_language(self, language: str) -> str:
        return str(self.error) if language.startswith("en") else self._found().in_language(language)

    def _found(self) -> Text:
        status = getattr(self.error, "status", None)
        if status is not None and status.paper_out:
            return translate("devices.driver_problem", "The printer is out of paper: put in a new roll.")
        if status is not None and status.cover_open:
            return translate("devices.driver_problem", "The printer's cover is open: close it.")
        if isinstance(self.error, PrinterTimeout):
            return translate("devices.driver_problem",
                             "The printer does not answer or did not confirm the print: check it.")
        if isinstance(self.error, PrinterOffline):
            return translate("devices.driver_problem",
                             "The printer cannot be reached: check that it is on and plugged in.")
        return translate("devices.driver_problem", "The printer reports an error: check it.")
