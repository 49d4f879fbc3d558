import { Vehicle } from '@relief-ledger/domain';

/** The API's limits on what a vehicle says of itself. */
export const VEHICLE_LIMITS = { plateMaxLength: 40, driverMaxLength: 200 } as const;

/** A vehicle row of the form, as typed. */
export interface VehicleEntry {
  plate: string;
  driver: string;
}

/**
 * The vehicles to send, trimmed: a row left empty says nothing and is dropped, and an empty plate
 * or driver is left out (the API refuses empty text). Undefined when no row says anything.
 */
export function vehiclesToSend(entries: readonly VehicleEntry[]): Vehicle[] | undefined {
  const vehicles = entries
    .map(({ plate, driver }) => ({ plate: plate.trim(), driver: driver.trim() }))
    .filter(({ plate, driver }) => plate !== '' || driver !== '')
    .map(({ plate, driver }) => ({ ...(plate ? { plate } : {}), ...(driver ? { driver } : {}) }));
  return vehicles.length > 0 ? vehicles : undefined;
}
