import { domainErrorClass } from '#ikm/domain';

export enum HarvestErrorCode {
  SourceNotFound = 'HARVEST_SOURCE_NOT_FOUND',
  NameTaken = 'HARVEST_SOURCE_NAME_TAKEN',
  NotYourUnit = 'HARVEST_SOURCE_NOT_YOUR_UNIT',
  VersionMismatch = 'HARVEST_SOURCE_VERSION_MISMATCH',
  HarvestRunning = 'HARVEST_RUNNING',
}

export class HarvestError extends domainErrorClass<HarvestErrorCode>({
  [HarvestErrorCode.SourceNotFound]: 404,
  [HarvestErrorCode.NameTaken]: 409,
  [HarvestErrorCode.NotYourUnit]: 403,
  [HarvestErrorCode.VersionMismatch]: 412,
  [HarvestErrorCode.HarvestRunning]: 409,
}) {
  static sourceNotFound(id: string): HarvestError {
    return new HarvestError(HarvestErrorCode.SourceNotFound, `Harvest source ${id} does not exist.`);
  }

  static nameTaken(name: string): HarvestError {
    return new HarvestError(HarvestErrorCode.NameTaken, `Another harvest source is named ${JSON.stringify(name)}.`, {
      errors: [{ field: 'name', reason: 'is already the name of another harvest source' }],
    });
  }

  /** A km_officer harvests into their own unit (their records are published under it); ikmu_admins into any. */
  static notYourUnit(unit: string): HarvestError {
    return new HarvestError(HarvestErrorCode.NotYourUnit, `Only the km_officer of ${unit} or an ikmu_admin may harvest into it.`, {
      errors: [{ field: 'publishingUnit', reason: 'must be your own unit unless you are an ikmu_admin' }],
    });
  }

  static versionMismatch(id: string, expected: number, actual: number): HarvestError {
    return new HarvestError(HarvestErrorCode.VersionMismatch, `Harvest source ${id} is at version ${actual}, not ${expected}.`, { currentVersion: actual });
  }

  static harvestRunning(id: string, jobId: string): HarvestError {
    return new HarvestError(HarvestErrorCode.HarvestRunning, `Harvest source ${id} is being harvested already (job ${jobId}).`, { jobId });
  }
}
