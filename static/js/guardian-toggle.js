// Shows the parent's fields only to a youth below the age of joint consent. Without this
// script they stay visible, and the server decides whether they are required.
(function () {
  var birthDate = document.getElementById("id_birth_date");
  var guardian = document.getElementById("guardian");
  if (!birthDate || !guardian) return;
  var belowAge = parseInt(guardian.dataset.belowAge, 10);
  function ageOn(born, today) {
    var age = today.getFullYear() - born.getFullYear();
    var beforeBirthday = today.getMonth() < born.getMonth() ||
      (today.getMonth() === born.getMonth() && today.getDate() < born.getDate());
    return beforeBirthday ? age - 1 : age;
  }
  function toggle() {
    var born = new Date(birthDate.value + "T00:00:00");
    guardian.classList.toggle("fr-hidden", isNaN(born) || ageOn(born, new Date()) >= belowAge);
  }
  birthDate.addEventListener("change", toggle);
  toggle();
})();
