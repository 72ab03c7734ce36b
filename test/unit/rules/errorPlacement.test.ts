// Where the API's answers go beyond the reference's nine codes: field-named codes at their
// field, permission answers (A7/A8) in the banner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorPlacement, isPermissionCode } from '../../../src/protocol/errorPlacement';
import { FORM_STRINGS_EN } from '../../../src/protocol/formStrings';

test('field-named codes outside the reference are placed at their field', () => {
  assert.equal(errorPlacement('InvalidDescription.Malformed'), 'description');
  assert.equal(errorPlacement('InvalidResourceGroupId.Malformed'), 'resourceGroupId');
  assert.equal(errorPlacement('InvalidParam.DataSnapshotIdNotSupport'), 'dataSnapshot');
  assert.equal(errorPlacement('InvalidImageName.Malformed'), 'imageName');
});

test('permission answers are the banner’s, with a message that names the policy', () => {
  for (const code of ['Forbidden.RAM', 'Forbidden', 'NoPermission']) {
    assert.equal(isPermissionCode(code), true, code);
    assert.equal(errorPlacement(code), 'banner', code);
  }
  assert.equal(isPermissionCode('IncorrectInstanceStatus'), false);
  assert.match(FORM_STRINGS_EN['error.permission'], /AliyunSWASFullAccess/);
});
