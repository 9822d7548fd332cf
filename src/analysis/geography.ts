import { boroughByCode } from "../domain/boroughs";
import type { Geography, Place } from "./observation";

export const CITY_OF_LONDON = "E09000001";
export const HACKNEY = "E09000012";
/** Our code for the combined area (analyse --combine-city-with-hackney); not a GSS code. */
export const HACKNEY_AND_CITY = "E09000012+E09000001";
export const HACKNEY_AND_CITY_NAME = "Hackney and City of London";
/** Our code for the eight boroughs' counts summed (east-london.ts); not a GSS code. */
export const EAST_LONDON = "east-london";
export const EAST_LONDON_NAME = "East London";

/** An area a figure may be asked for: a GSS code, or one of our two combined areas. */
export function isAreaCode(code: string): boolean {
  return /^[EKNSW]\d{8}$/.test(code) || code === HACKNEY_AND_CITY || code === EAST_LONDON;
}

/** England, London and its two halves: every analysis keeps them beside the boroughs. */
export const KNOWN_AREAS: Readonly<Record<string, string>> = {
  E92000001: "England",
  E12000007: "London",
  E13000001: "Inner London",
  E13000002: "Outer London",
};

/** GSS code prefixes: E06-E10 local authorities, E12 regions, E13 Inner/Outer London, E92 England. */
export function geographyOf(code: string): Geography {
  if (/^E(0[6-9]|10)/.test(code)) return "local authority";
  if (/^E1[23]/.test(code)) return "region";
  return "national";
}

export function placeOf(code: string, sourceName: string): Place {
  const borough = boroughByCode(code);
  const name = borough?.name ?? KNOWN_AREAS[code] ?? sourceName;
  return { areaCode: code, areaName: name, geography: geographyOf(code) };
}
