import { Foundation1764000000000 } from './1764000000000-Foundation.js';
import { Identity1764100000000 } from './1764100000000-Identity.js';
import { Stock1764200000000 } from './1764200000000-Stock.js';
import { StockLoadSpeed1764250000000 } from './1764250000000-StockLoadSpeed.js';
import { Convoys1764300000000 } from './1764300000000-Convoys.js';
import { Reports1764400000000 } from './1764400000000-Reports.js';
import { Languages1764500000000 } from './1764500000000-Languages.js';
import { OrganisationBoundary1764600000000 } from './1764600000000-OrganisationBoundary.js';
import { Replays1764700000000 } from './1764700000000-Replays.js';
import { StockPointNamesAndMovementTimes1764810000000 } from './1764810000000-StockPointNamesAndMovementTimes.js';
import { PauseWindowEvents1764840000000 } from './1764840000000-PauseWindowEvents.js';

/**
 * Every migration, oldest first. Listed rather than globbed so that the compiled app, the
 * migration tool and the tests (through ts-jest) load exactly the same set.
 * `npm run migration:generate -- Name` appends here.
 */
export const MIGRATIONS = [Foundation1764000000000, Identity1764100000000, Stock1764200000000, StockLoadSpeed1764250000000, Convoys1764300000000, Reports1764400000000, Languages1764500000000, OrganisationBoundary1764600000000, Replays1764700000000, StockPointNamesAndMovementTimes1764810000000, PauseWindowEvents1764840000000];
