using Triage.Api.V1;
using Triage.Grains.Visits;

namespace Triage.EndToEnd.Tests;

/// <summary>Prescriptions as a physician's client makes them: signed under the physician's key.</summary>
internal static class Prescriptions
{
    /// <summary>Sets <paramref name="request"/>'s signature under <paramref name="physicianKey"/> and returns it.</summary>
    public static PrescribeRequest Signed(this PrescribeRequest request, string physicianKey)
    {
        request.Signature = PrescriptionSignature.Sign(physicianKey, PrescriptionSignature.Canonical(
            Guid.Parse(request.CaseId), request.Items.Select(i => (i.Drug, i.DrugClass, i.Dosage)), request.GuardianPresent, request.PhysicianPresent));
        return request;
    }
}
