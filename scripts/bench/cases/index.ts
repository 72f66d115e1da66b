import type { BenchCase } from "../types";
import { abuseCase } from "./abuse";
import { imageCase } from "./image";
import { lighthouseCase } from "./lighthouse";
import { matchingCase } from "./matching";
import { ordersCase } from "./orders";
import { pagesCase } from "./pages";
import { reportCase } from "./report";
import { searchCase } from "./search";

/** Every benchmark case by name; later issues add theirs here. */
export const benchCases: BenchCase[] = [
  lighthouseCase,
  imageCase,
  ordersCase,
  searchCase,
  abuseCase,
  matchingCase,
  reportCase,
  pagesCase,
];
