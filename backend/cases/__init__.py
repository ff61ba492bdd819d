"""Cases: a member's or a unit's application, from draft on a device to a supervisor's decision."""
