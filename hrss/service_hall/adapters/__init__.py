"""Executor adapters: what the service hall runs when an application is approved.

Each adapter is called as ``adapter(actor=..., application=...)`` inside the approval's
transaction (``services.handling.application_approve``). It reads the applicant's
person and the application form, calls the owning area's service, and returns the
result text the applicant is told. A ``DomainError`` from the area propagates: the
approval is refused, rolled back, and nothing is written. Only the paths listed in
``hrss.service_hall.executors.ALLOWED_EXECUTORS`` can ever run.

One module per owning area: ``employment``, ``insurance``, ``cards``; ``common`` holds
what they share (also used by the pre-review condition checks in ``conditions``).
"""
