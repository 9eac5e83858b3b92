using Triage.Models.Classification;
using Triage.Models.Features;

namespace Triage.Training.Tests;

public class ReproducibilityTests
{
    [Fact]
    public void Train_FromTheSameData_ReproducesTheShippedArtifacts()
    {
        var shipped = Repository.ShippedModel;
        var output = Directory.CreateTempSubdirectory("triage-train-").FullName;
        try
        {
            var folder = new TrainingPipeline(Repository.DataFolder, output, TextWriter.Null).Run(FeatureSettings.Default);

            Assert.Equal(Path.GetFileName(shipped), Path.GetFileName(folder));
            foreach (var file in new[] { OnnxComplaintClassifier.DispositionFile, OnnxComplaintClassifier.SpecialtyFile, ModelCard.FileName })
            {
                Assert.True(File.ReadAllBytes(Path.Combine(shipped, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder, file))), $"{file} differs from the shipped one");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
