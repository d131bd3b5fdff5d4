using RpaOrleans.Safety;

namespace RpaOrleans.Tests.Unit;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("write to ada.lovelace@example.com today", "write to [email] today")]
    [InlineData("card 4111 1111 1111 1111 exp 12/30", "card [card] exp 12/30")]
    [InlineData("call +1 415-555-0132 now", "call [phone] now")]
    public void PersonalData_IsMasked(string input, string expected) => Assert.Equal(expected, PersonalDataMasker.Mask(input));

    [Theory]
    [InlineData("order ORD-123456 total $45.50")]
    [InlineData("reference 1234 5678 9012 3456 fails the Luhn check")]
    [InlineData("Item 57 of 100")]
    public void OrdinaryText_IsLeftAlone(string input) => Assert.Equal(input, PersonalDataMasker.Mask(input));
}
